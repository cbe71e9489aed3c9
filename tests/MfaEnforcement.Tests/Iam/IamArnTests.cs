using MfaEnforcement.Core.Iam;
using Xunit;

namespace MfaEnforcement.Tests.Iam;

public sealed class IamArnTests
{
    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/staff/alice", IamArn.AccountIndex, "123456789012")]
    [InlineData("arn:aws-cn:iam::123456789012:root", IamArn.PartitionIndex, "aws-cn")]
    [InlineData("arn:aws:iam::123456789012:mfa/a:b", IamArn.ResourceIndex, "mfa/a:b")]
    [InlineData("GAHT12345678", IamArn.AccountIndex, null)]
    [InlineData("arn:aws:iam", IamArn.ServiceIndex, null)]
    public void Part_ReadsOnePartOrNothing(string arn, int index, string? expected) =>
        Assert.Equal(expected, IamArn.Part(arn, index));

    [Theory]
    [InlineData("arn:aws-us-gov:iam::123456789012:user/a", "aws-us-gov")]
    [InlineData("not an arn", "aws")]
    [InlineData(null, "aws")]
    public void Partition_FallsBackToTheCommercialPartition(string? arn, string expected) =>
        Assert.Equal(expected, IamArn.Partition(arn));
}
