using System;
using System.Collections.Generic;
using System.Text.Json;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// Reads policy JSON into the model, with IAM's leniency (single values or arrays, a single statement object,
/// booleans and numbers as condition values) and IAM's strictness (known elements only, one of Action and
/// NotAction, unique Sids). See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html.
/// </summary>
internal static partial class PolicyReader
{
    private static readonly JsonDocumentOptions s_options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    public static PolicyDocument Read(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        if (json.Trim().Length == 0)
        {
            throw new PolicyFormatException("The policy is empty; expected a JSON object with a Statement element.");
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, s_options);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is long line
                ? $" (line {line + 1}, character {e.BytePositionInLine + 1})"
                : string.Empty;
            throw new PolicyFormatException($"The policy is not valid JSON{where}: {e.Message}", null, e);
        }

        using (parsed)
        {
            return ReadDocument(parsed.RootElement);
        }
    }

    private static PolicyDocument ReadDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PolicyFormatException($"The policy must be a JSON object, not {Describe(root)}.");
        }

        string? version = null;
        string? id = null;
        List<PolicyStatement>? statements = null;
        foreach (JsonProperty property in UniqueProperties(root, null))
        {
            switch (property.Name)
            {
                case "Version":
                    version = ReadString(property.Value, "Version");
                    if (version != PolicyDocument.CurrentVersion && version != PolicyDocument.LegacyVersion)
                    {
                        throw new PolicyFormatException(
                            $"'{version}' is not a policy language version; use \"{PolicyDocument.CurrentVersion}\".",
                            "Version");
                    }

                    break;

                case "Id":
                    id = ReadString(property.Value, "Id");
                    break;

                case "Statement":
                    statements = ReadStatements(property.Value);
                    break;

                default:
                    throw new PolicyFormatException(
                        $"Unknown element '{property.Name}'; a policy has Version, Id and Statement.", property.Name);
            }
        }

        if (statements is null)
        {
            throw new PolicyFormatException("The policy has no Statement element.");
        }

        return new PolicyDocument(statements, version, id);
    }

    private static List<PolicyStatement> ReadStatements(JsonElement element)
    {
        var statements = new List<PolicyStatement>();
        if (element.ValueKind == JsonValueKind.Object)
        {
            statements.Add(ReadStatement(element, "Statement"));
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (JsonElement item in element.EnumerateArray())
            {
                statements.Add(ReadStatement(item, $"Statement[{index}]"));
                index++;
            }
        }
        else
        {
            throw new PolicyFormatException(
                $"Statement must be an object or an array of objects, not {Describe(element)}.", "Statement");
        }

        if (statements.Count == 0)
        {
            throw new PolicyFormatException("Statement is an empty array; a policy needs at least one.", "Statement");
        }

        var sids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < statements.Count; i++)
        {
            string? sid = statements[i].Sid;
            if (sid is not null && !sids.Add(sid))
            {
                throw new PolicyFormatException($"The Sid '{sid}' is used twice; Sids must be unique in a policy.",
                    $"Statement[{i}].Sid");
            }
        }

        return statements;
    }

    private static PolicyStatement ReadStatement(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PolicyFormatException($"A statement must be a JSON object, not {Describe(element)}.", path);
        }

        string? sid = null;
        PolicyEffect? effect = null;
        PolicyPrincipal? principal = null;
        PolicyPrincipal? notPrincipal = null;
        List<string>? actions = null;
        List<string>? notActions = null;
        List<string>? resources = null;
        List<string>? notResources = null;
        List<PolicyCondition>? conditions = null;
        foreach (JsonProperty property in UniqueProperties(element, path))
        {
            string at = $"{path}.{property.Name}";
            switch (property.Name)
            {
                case "Sid":
                    sid = ReadString(property.Value, at);
                    break;
                case "Effect":
                    effect = ReadEffect(property.Value, at);
                    break;
                case "Principal":
                    principal = ReadPrincipal(property.Value, at);
                    break;
                case "NotPrincipal":
                    notPrincipal = ReadPrincipal(property.Value, at);
                    break;
                case "Action":
                    actions = ReadActions(property.Value, at);
                    break;
                case "NotAction":
                    notActions = ReadActions(property.Value, at);
                    break;
                case "Resource":
                    resources = ReadStringOrArray(property.Value, at, "resource");
                    break;
                case "NotResource":
                    notResources = ReadStringOrArray(property.Value, at, "resource");
                    break;
                case "Condition":
                    conditions = ReadConditions(property.Value, at);
                    break;
                default:
                    throw new PolicyFormatException(
                        $"Unknown element '{property.Name}'; a statement has Sid, Effect, Principal, NotPrincipal, "
                        + "Action, NotAction, Resource, NotResource and Condition.", at);
            }
        }

        if (effect is null)
        {
            throw new PolicyFormatException("The statement has no Effect; add \"Effect\": \"Allow\" or \"Deny\".",
                path);
        }

        if (actions is null == notActions is null)
        {
            throw new PolicyFormatException(actions is null
                ? "The statement has neither Action nor NotAction; it needs exactly one."
                : "The statement has both Action and NotAction; it takes only one.", path);
        }

        if (resources is not null && notResources is not null)
        {
            throw new PolicyFormatException("The statement has both Resource and NotResource; it takes only one.",
                path);
        }

        if (resources is null && notResources is null && principal is null && notPrincipal is null)
        {
            throw new PolicyFormatException("The statement has neither Resource nor NotResource; it needs one.",
                path);
        }

        if (principal is not null && notPrincipal is not null)
        {
            throw new PolicyFormatException("The statement has both Principal and NotPrincipal; it takes only one.",
                path);
        }

        return new PolicyStatement(effect.Value, actions, notActions, resources, notResources, conditions, sid,
            principal, notPrincipal);
    }
}
