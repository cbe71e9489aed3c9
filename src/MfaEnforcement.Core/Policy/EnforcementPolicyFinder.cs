using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Policy;

/// <summary>A customer-managed policy whose default version enforces MFA, with what it is attached to.</summary>
public sealed class FoundEnforcementPolicy
{
    internal FoundEnforcementPolicy(ManagedPolicyInfo policy, PolicyDocument document, PolicyEnforcement analysis,
        IReadOnlyList<PolicyEntity> attachedTo)
    {
        Policy = policy;
        Document = document;
        Analysis = analysis;
        AttachedTo = attachedTo;
    }

    /// <summary>The policy.</summary>
    public ManagedPolicyInfo Policy { get; }

    /// <summary>The default version's document.</summary>
    public PolicyDocument Document { get; }

    /// <summary>What the document does about MFA.</summary>
    public PolicyEnforcement Analysis { get; }

    /// <summary>The users, groups and roles the policy is attached to.</summary>
    public IReadOnlyList<PolicyEntity> AttachedTo { get; }
}

/// <summary>
/// Reads what an account's policies do about MFA: which customer-managed policies enforce it, judged by their
/// content with <see cref="EnforcementAnalyzer"/> rather than by name, and each user's effective identity
/// policies, read with GetAccountAuthorizationDetails so a whole account costs a few requests.
/// See https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html.
/// </summary>
public static partial class EnforcementPolicyFinder
{
    /// <summary>
    /// The customer-managed policies whose default version enforces MFA, fully or for the console only, whose
    /// names pass <paramref name="nameFilter"/> (all when null), with what each is attached to.
    /// </summary>
    /// <exception cref="IamException">A read failed.</exception>
    public static async Task<IReadOnlyList<FoundEnforcementPolicy>> FindAsync(IIamClient client,
        Func<string, bool>? nameFilter, Action<string>? log, CancellationToken ct)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        log?.Invoke("Calling GetAccountAuthorizationDetails for the customer-managed policies.");
        List<AuthorizationDetailsPage> pages = await ReadDetailsAsync(client,
            AuthorizationDetailsFilter.LocalManagedPolicy, ct).ConfigureAwait(false);
        var found = new List<FoundEnforcementPolicy>();
        foreach (PolicyAuthorizationDetail detail in pages.SelectMany(p => p.Policies))
        {
            if (nameFilter is not null && !nameFilter(detail.Policy.PolicyName))
            {
                continue;
            }

            PolicyDocument? document = TryParse(detail.DefaultDocument);
            if (document is null)
            {
                log?.Invoke($"Skipping {detail.Policy.Arn}: its default version could not be read as a policy.");
                continue;
            }

            PolicyEnforcement analysis = EnforcementAnalyzer.Analyze(document, detail.Policy.PolicyName);
            if (analysis.Level == MfaEnforcementLevel.None)
            {
                continue;
            }

            IReadOnlyList<PolicyEntity> entities = Array.Empty<PolicyEntity>();
            if (detail.Policy.AttachmentCount > 0)
            {
                log?.Invoke($"Calling ListEntitiesForPolicy for {detail.Policy.Arn}.");
                entities = await IamPaging.ReadAllAsync(m => client.ListEntitiesForPolicyAsync(
                    detail.Policy.Arn, m, IamPaging.MaxPageSize, ct)).ConfigureAwait(false);
            }

            found.Add(new FoundEnforcementPolicy(detail.Policy, document, analysis, entities));
        }

        return found.OrderBy(f => f.Policy.PolicyName, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static PolicyDocument? TryParse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return PolicyDocument.Parse(json);
        }
        catch (PolicyFormatException)
        {
            return null;
        }
    }

    /// <summary>Every page of GetAccountAuthorizationDetails for <paramref name="filter"/>, kept whole.</summary>
    private static Task<List<AuthorizationDetailsPage>> ReadDetailsAsync(IIamClient client,
        AuthorizationDetailsFilter filter, CancellationToken ct) =>
        IamPaging.ReadAllAsync(async marker =>
        {
            AuthorizationDetailsPage page = await client.GetAccountAuthorizationDetailsAsync(filter, marker,
                IamPaging.MaxPageSize, ct).ConfigureAwait(false);
            return new Page<AuthorizationDetailsPage>(new[] { page }, page.Marker);
        });
}
