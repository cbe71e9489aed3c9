namespace MfaEnforcement.Core; internal static class Placeholder { }
