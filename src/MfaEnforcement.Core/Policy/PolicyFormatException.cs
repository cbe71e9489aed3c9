using System;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// A policy document is not valid JSON or breaks IAM's policy grammar. The message names what is wrong and
/// where, as a path such as <c>Statement[1].Condition.Bool</c>.
/// </summary>
public sealed class PolicyFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="path"/>.</summary>
    public PolicyFormatException(string message, string? path = null, Exception? innerException = null)
        : base(path is null ? message : $"{path}: {message}", innerException)
    {
        Path = path;
    }

    /// <summary>Where in the document the problem is (for example <c>Statement[0].Effect</c>), if known.</summary>
    public string? Path { get; }
}
