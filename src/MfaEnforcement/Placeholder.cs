namespace MfaEnforcement; internal static class Placeholder { }
