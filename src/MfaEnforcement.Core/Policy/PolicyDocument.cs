using System;
using System.Collections.Generic;
using System.Linq;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// An IAM JSON policy document: a language version, an optional id and its statements.
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html.
/// </summary>
public sealed class PolicyDocument
{
    /// <summary>The current policy language version; policy variables need it.</summary>
    public const string CurrentVersion = "2012-10-17";

    /// <summary>The previous policy language version, in which <c>${...}</c> is literal text.</summary>
    public const string LegacyVersion = "2008-10-17";

    /// <summary>
    /// The most characters a customer-managed policy may have, whitespace not counted.
    /// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html.
    /// </summary>
    public const int ManagedPolicyMaxLength = 6144;

    /// <summary>Creates a document of <paramref name="statements"/>.</summary>
    public PolicyDocument(IEnumerable<PolicyStatement> statements, string? version = CurrentVersion, string? id = null)
    {
        Statements = (statements ?? throw new ArgumentNullException(nameof(statements))).ToArray();
        if (Statements.Count == 0 || Statements.Any(s => s is null))
        {
            throw new ArgumentException("A policy needs at least one statement.", nameof(statements));
        }

        if (version is not null && version != CurrentVersion && version != LegacyVersion)
        {
            throw new ArgumentException(
                $"The policy version '{version}' is not one IAM knows; use {CurrentVersion}.", nameof(version));
        }

        Version = version;
        Id = id;
    }

    /// <summary>The <c>Version</c> element, or null when there is none (IAM then reads it as 2008-10-17).</summary>
    public string? Version { get; }

    /// <summary>The <c>Id</c> element, if any.</summary>
    public string? Id { get; }

    /// <summary>The statements, in document order.</summary>
    public IReadOnlyList<PolicyStatement> Statements { get; }

    /// <summary>
    /// Whether <c>${...}</c> in the document are policy variables; they are only in version 2012-10-17.
    /// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html.
    /// </summary>
    public bool SupportsPolicyVariables => Version == CurrentVersion;

    /// <summary>The number of characters of the document written without whitespace, as IAM counts its size.</summary>
    public int MinifiedLength => ToJson(indented: false).Length;

    /// <summary>
    /// Reads a policy document as IAM accepts it: <c>Statement</c> as an object or an array, <c>Action</c> and
    /// <c>Resource</c> as a string or an array, condition values as strings, booleans, numbers or arrays of them.
    /// </summary>
    /// <exception cref="PolicyFormatException">Not JSON, or not a policy; the message says where.</exception>
    public static PolicyDocument Parse(string json) => PolicyReader.Read(json);

    /// <summary>
    /// Counts the characters of any JSON text with the whitespace outside strings left out, the way IAM
    /// measures a policy against its size quota.
    /// </summary>
    public static int MeasureMinifiedLength(string json) => PolicyWriter.MeasureMinifiedLength(json);

    /// <summary>
    /// Writes the document as JSON in a fixed element order (Version, Id, Statement; in a statement Sid, Effect,
    /// Principal, Action or NotAction, Resource or NotResource, Condition). A single value is written as a
    /// string, several as an array. Indented output uses two spaces and <c>\n</c> line ends.
    /// </summary>
    public string ToJson(bool indented = true) => PolicyWriter.Write(this, indented);

    /// <summary>The statement with the given Sid, or null.</summary>
    public PolicyStatement? FindStatement(string sid) => Statements.FirstOrDefault(s => s.Sid == sid);

    /// <inheritdoc/>
    public override string ToString() => ToJson(indented: false);
}
