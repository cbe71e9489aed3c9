namespace MfaEnforcement.Tests; public class PlaceholderTests { [Xunit.Fact] public void Runs() { Xunit.Assert.True(true); } }
