using System;
using System.Collections.Generic;
using System.Linq;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Enforcement;

/// <summary>What the planner has learned so far; the target reads fill it from several threads at once.</summary>
internal sealed class PlanState
{
    private readonly object _sync = new();
    private readonly List<(int Index, EnforcementStep Step)> _steps = new();
    private readonly List<(int Index, string Message)> _unchanged = new();
    private readonly List<(int Index, EnforcementFailure Failure)> _failures = new();
    private readonly Dictionary<string, string> _affected = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _exempt = new();
    private readonly List<(int Index, string UserName)> _covered = new();

    public PlanState(EnforcementRequest request)
    {
        Request = request;
    }

    public EnforcementRequest Request { get; }

    public string PolicyArn { get; set; } = string.Empty;

    public bool PolicyExists { get; set; }

    public ViaGroup? Via { get; set; }

    /// <summary>The account's users read in bulk, or null when each named user is read on its own.</summary>
    public UserDirectory? Users { get; set; }

    /// <summary>Written only before the targets are read, in order.</summary>
    public List<EnforcementStep> Prerequisites { get; } = new();

    /// <summary>Written only before and after the targets are read.</summary>
    public List<string> Warnings { get; } = new();

    /// <summary>The users the change newly applies to, with how ("a target", "a member of group 'X'").</summary>
    public IReadOnlyDictionary<string, string> Affected => _affected;

    public IReadOnlyList<string> Exempt => _exempt;

    public void AddStep(int index, EnforcementStep step)
    {
        lock (_sync)
        {
            _steps.Add((index, step));
        }
    }

    public void AddUnchanged(int index, string message)
    {
        lock (_sync)
        {
            _unchanged.Add((index, message));
        }
    }

    public void AddFailure(int index, EnforcementFailure failure)
    {
        lock (_sync)
        {
            _failures.Add((index, failure));
        }
    }

    public void AddAffected(string userName, string how)
    {
        lock (_sync)
        {
            if (!_affected.ContainsKey(userName))
            {
                _affected[userName] = how;
            }
        }
    }

    /// <summary>A user the target at <paramref name="index"/> is or contains, for <c>-PassThru</c>.</summary>
    public void AddCovered(int index, string userName)
    {
        lock (_sync)
        {
            _covered.Add((index, userName));
        }
    }

    public void AddExempt(string userName)
    {
        lock (_sync)
        {
            _exempt.Add(userName);
        }
    }

    /// <summary>The plan, with every list in the order the targets were given.</summary>
    public EnforcementPlan ToPlan(CallerIdentity caller, string? lockout) => new(
        caller,
        PolicyArn,
        PolicyExists,
        Prerequisites.Concat(_steps.OrderBy(s => s.Index).Select(s => s.Step)).ToList(),
        _unchanged.OrderBy(u => u.Index).Select(u => u.Message).ToList(),
        _failures.OrderBy(f => f.Index).Select(f => f.Failure).ToList(),
        Warnings.ToList(),
        lockout,
        _covered.OrderBy(c => c.Index).Select(c => c.UserName).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
}

/// <summary>The <c>-ViaGroup</c> group as read before the targets.</summary>
internal sealed class ViaGroup
{
    public ViaGroup(string name)
    {
        Name = name;
    }

    /// <summary>The group's name as IAM spells it, once read.</summary>
    public string Name { get; set; }

    public bool Exists { get; set; }

    public bool PolicyAttached { get; set; }

    public HashSet<string> Members { get; } = new(StringComparer.OrdinalIgnoreCase);
}
