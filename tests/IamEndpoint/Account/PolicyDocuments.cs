using System.Text.Json;
using IamEndpoint.Protocol;

namespace IamEndpoint.Account;

/// <summary>
/// Checks identity-based policy documents on write, as IAM does before it stores them: JSON with a Version and
/// statements that each have an Effect, actions and resources and no principal.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
/// </summary>
internal static class PolicyDocuments
{
    private static readonly HashSet<string> s_topLevelKeys =
        new(StringComparer.Ordinal) { "Version", "Id", "Statement" };

    private static readonly HashSet<string> s_statementKeys = new(StringComparer.Ordinal)
    {
        "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition", "Principal", "NotPrincipal",
    };

    /// <summary>Throws MalformedPolicyDocument with IAM's wording when the document is not a valid policy.</summary>
    public static void Validate(string document)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(document);
        }
        catch (JsonException)
        {
            throw Errors.MalformedPolicyDocument("Syntax errors in policy.");
        }

        using (parsed)
        {
            JsonElement root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Errors.MalformedPolicyDocument("Syntax errors in policy.");
            }

            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (!s_topLevelKeys.Contains(property.Name))
                {
                    throw Errors.MalformedPolicyDocument($"Policy document has an unknown field {property.Name}.");
                }
            }

            CheckVersion(root);
            foreach (JsonElement statement in Statements(root))
            {
                CheckStatement(statement);
            }
        }
    }

    /// <summary>The size IAM counts against its quotas: characters other than white space.</summary>
    public static int Size(string document)
    {
        int size = 0;
        foreach (char c in document)
        {
            if (!char.IsWhiteSpace(c))
            {
                size++;
            }
        }

        return size;
    }

    /// <summary>Documents in responses are URL-encoded (RFC 3986), as IAM sends them.</summary>
    public static string Encode(string document) => Uri.EscapeDataString(document);

    private static void CheckVersion(JsonElement root)
    {
        if (!root.TryGetProperty("Version", out JsonElement version))
        {
            throw Errors.MalformedPolicyDocument("Policy document must contain a Version element (2012-10-17).");
        }

        string? text = version.ValueKind == JsonValueKind.String ? version.GetString() : null;
        if (text is not ("2012-10-17" or "2008-10-17"))
        {
            throw Errors.MalformedPolicyDocument(
                $"Policy document Version {version} is not valid: use 2012-10-17 (or 2008-10-17).");
        }
    }

    private static IEnumerable<JsonElement> Statements(JsonElement root)
    {
        if (!root.TryGetProperty("Statement", out JsonElement statement))
        {
            throw Errors.MalformedPolicyDocument("Missing required field Statement");
        }

        if (statement.ValueKind == JsonValueKind.Object)
        {
            return [statement];
        }

        if (statement.ValueKind != JsonValueKind.Array || statement.GetArrayLength() == 0)
        {
            throw Errors.MalformedPolicyDocument("Statement must be an object or a non-empty array of objects.");
        }

        return statement.EnumerateArray().ToList();
    }

    private static void CheckStatement(JsonElement statement)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            throw Errors.MalformedPolicyDocument("Syntax errors in policy.");
        }

        foreach (JsonProperty property in statement.EnumerateObject())
        {
            if (!s_statementKeys.Contains(property.Name))
            {
                throw Errors.MalformedPolicyDocument($"Statement has an unknown field {property.Name}.");
            }
        }

        if (statement.TryGetProperty("Principal", out _) || statement.TryGetProperty("NotPrincipal", out _))
        {
            throw Errors.MalformedPolicyDocument("Policy document should not specify a principal.");
        }

        if (!statement.TryGetProperty("Effect", out JsonElement effect))
        {
            throw Errors.MalformedPolicyDocument("Missing required field Effect");
        }

        if (effect.ValueKind != JsonValueKind.String || effect.GetString() is not ("Allow" or "Deny"))
        {
            throw Errors.MalformedPolicyDocument($"Invalid effect: {effect}");
        }

        IReadOnlyList<string> actions =
            OneOf(statement, "Action", "NotAction", "Policy statement must contain actions.");
        foreach (string action in actions)
        {
            if (action != "*" && !action.Contains(':', StringComparison.Ordinal))
            {
                throw Errors.MalformedPolicyDocument(
                    $"Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. ({action})");
            }
        }

        OneOf(statement, "Resource", "NotResource", "Policy statement must contain resources.");
        if (statement.TryGetProperty("Condition", out JsonElement condition))
        {
            CheckCondition(condition);
        }
    }

    private static IReadOnlyList<string> OneOf(JsonElement statement, string name, string negated, string missing)
    {
        bool hasPlain = statement.TryGetProperty(name, out JsonElement plain);
        bool hasNegated = statement.TryGetProperty(negated, out JsonElement other);
        if (hasPlain == hasNegated)
        {
            throw Errors.MalformedPolicyDocument(
                hasPlain ? $"Statement cannot have both {name} and {negated}." : missing);
        }

        return Strings(hasPlain ? plain : other, hasPlain ? name : negated);
    }

    private static IReadOnlyList<string> Strings(JsonElement value, string name)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 &&
            value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String))
        {
            return value.EnumerateArray().Select(item => item.GetString()!).ToList();
        }

        throw Errors.MalformedPolicyDocument($"{name} must be a string or a non-empty array of strings.");
    }

    private static void CheckCondition(JsonElement condition)
    {
        if (condition.ValueKind != JsonValueKind.Object)
        {
            throw Errors.MalformedPolicyDocument("Syntax errors in policy.");
        }

        foreach (JsonProperty op in condition.EnumerateObject())
        {
            if (op.Value.ValueKind != JsonValueKind.Object)
            {
                throw Errors.MalformedPolicyDocument($"Condition operator {op.Name} must map keys to values.");
            }
        }
    }
}
