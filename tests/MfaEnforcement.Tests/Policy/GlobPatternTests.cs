using System.Diagnostics;
using MfaEnforcement.Core.Policy;
using Xunit;

namespace MfaEnforcement.Tests.Policy;

public class GlobPatternTests
{
    [Theory]
    [InlineData("s3:Get*", "s3:GetObject", true)]
    [InlineData("s3:Get*", "s3:PutObject", false)]
    [InlineData("*", "", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("a**c", "abbbc", true)]
    public void MatchesWildcardsOverTheWholeString(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, GlobPattern.Parse(pattern).IsMatch(input));
    }

    [Theory]
    [InlineData("arn:aws:iam::*:user/bob", "arn:aws:iam::111122223333:user/bob", true)]
    [InlineData("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a:b:c", true)]
    [InlineData("arn:aws:sqs:*2:*:queue", "arn:aws:sqs:us-east-2:111122223333:queue", true)]
    [InlineData("arn:aws:sqs:us*queue", "arn:aws:sqs:us-east-2:111122223333:queue", false)]
    [InlineData("arn:aws:iam::*:user/*/bob", "arn:aws:iam::111122223333:user/staff/dev/bob", true)]
    [InlineData("arn:aws:iam::*:user/*/bob", "arn:aws:iam::111122223333:user/bob", false)]
    public void KeepsAStarInsideItsArnSegmentUnlessItEndsTheSegment(string pattern, string arn, bool expected)
    {
        Assert.Equal(expected, GlobPattern.Parse(pattern).IsMatch(arn, arnSegments: true));
    }

    [Fact]
    public void TreatsSubstitutedTextAsLiteral()
    {
        GlobPattern pattern = new GlobPattern.Builder().AppendPattern("a/").AppendLiteral("*").Build();

        Assert.True(pattern.IsMatch("a/*"));
        Assert.False(pattern.IsMatch("a/b"));
    }

    [Fact]
    public void StaysFastOnPatternsThatBacktrack()
    {
        GlobPattern pattern = GlobPattern.Parse("*a*a*a*a*a*a*a*a*a*a*b");
        string input = new('a', 2000);
        Stopwatch watch = Stopwatch.StartNew();

        bool matched = pattern.IsMatch(input);

        Assert.False(matched);
        Assert.True(watch.ElapsedMilliseconds < 2000, $"{watch.ElapsedMilliseconds} ms");
    }
}
