using System;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// Replaces policy variables in a Resource or condition value: <c>${aws:username}</c> and any other request key,
/// <c>${aws:PrincipalTag/team}</c>, a default as in <c>${aws:username, 'none'}</c>, and the literal characters
/// <c>${*}</c>, <c>${?}</c> and <c>${$}</c>. A variable whose key is absent or multivalued, with no default,
/// leaves the value unresolved: it then matches nothing.
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html.
/// </summary>
internal static class PolicyVariables
{
    /// <summary>Substitutes variables into <paramref name="text"/>: the pattern, or why there is none.</summary>
    /// <param name="text">The value as written in the policy.</param>
    /// <param name="request">Where variables take their values.</param>
    /// <param name="enabled">False for documents of version 2008-10-17, where <c>${...}</c> is literal text.</param>
    /// <param name="wildcards">Whether <c>*</c> and <c>?</c> in the policy text are wildcards.</param>
    public static Substitution Substitute(string text, RequestContext request, bool enabled, bool wildcards)
    {
        var builder = new GlobPattern.Builder();
        if (!enabled || text.IndexOf("${", StringComparison.Ordinal) < 0)
        {
            return Substitution.Resolved(wildcards ? builder.AppendPattern(text).Build() : GlobPattern.Literal(text));
        }

        int position = 0;
        while (position < text.Length)
        {
            int start = text.IndexOf("${", position, StringComparison.Ordinal);
            int end = start < 0 ? -1 : FindClose(text, start + 2);
            if (start < 0 || end < 0)
            {
                Append(builder, text.Substring(position), wildcards);
                break;
            }

            Append(builder, text.Substring(position, start - position), wildcards);
            string body = text.Substring(start + 2, end - start - 2);
            Substitution value = Resolve(body, request);
            if (value.Pattern is null)
            {
                return value;
            }

            builder.AppendLiteral(value.Pattern.Text);
            position = end + 1;
        }

        return Substitution.Resolved(builder.Build());
    }

    private static Substitution Resolve(string body, RequestContext request)
    {
        string name = body;
        string? fallback = null;
        int comma = body.IndexOf(',');
        if (comma >= 0)
        {
            name = body.Substring(0, comma);
            fallback = ParseDefault(body.Substring(comma + 1).Trim());
        }

        name = name.Trim();
        if (name is "*" or "?" or "$")
        {
            return Substitution.Resolved(GlobPattern.Literal(name));
        }

        ContextValue value = request.Lookup(name);
        if (value.IsUnknown)
        {
            return Substitution.Unknown($"the policy variable ${{{name}}} takes a value this request does not know");
        }

        if (value.Values.Count == 1)
        {
            return Substitution.Resolved(GlobPattern.Literal(value.Values[0]));
        }

        return fallback is null
            ? Substitution.Unresolved(name)
            : Substitution.Resolved(GlobPattern.Literal(fallback));
    }

    private static string? ParseDefault(string text)
    {
        if (text.Length < 2 || text[0] != '\'' || text[text.Length - 1] != '\'')
        {
            return null;
        }

        return text.Substring(1, text.Length - 2).Replace("''", "'");
    }

    private static int FindClose(string text, int from)
    {
        bool quoted = false;
        for (int i = from; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                quoted = !quoted;
            }
            else if (text[i] == '}' && !quoted)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Append(GlobPattern.Builder builder, string text, bool wildcards)
    {
        if (wildcards)
        {
            builder.AppendPattern(text);
        }
        else
        {
            builder.AppendLiteral(text);
        }
    }
}

/// <summary>The result of substituting policy variables into one value.</summary>
internal sealed class Substitution
{
    private Substitution(GlobPattern? pattern, string? unresolvedVariable, string? unknownReason)
    {
        Pattern = pattern;
        UnresolvedVariable = unresolvedVariable;
        UnknownReason = unknownReason;
    }

    /// <summary>The value with variables replaced; null when it could not be formed.</summary>
    public GlobPattern? Pattern { get; }

    /// <summary>The variable with no value in the request (the value then matches nothing).</summary>
    public string? UnresolvedVariable { get; }

    /// <summary>Why the value cannot be known offline.</summary>
    public string? UnknownReason { get; }

    public static Substitution Resolved(GlobPattern pattern) => new(pattern, null, null);

    public static Substitution Unresolved(string variable) => new(null, variable, null);

    public static Substitution Unknown(string reason) => new(null, null, reason);
}
