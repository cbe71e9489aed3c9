using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MfaEnforcement.Tests.Audit;

/// <summary>An IAM user of the in-memory account, built fluently.</summary>
internal sealed class FakeUser
{
    public FakeUser(string name, DateTime createDate)
    {
        Name = name;
        CreateDate = createDate;
    }

    public string Name { get; }

    public string Path { get; private set; } = "/";

    public DateTime CreateDate { get; }

    public bool HasLoginProfile { get; private set; }

    public DateTime? PasswordLastUsed { get; private set; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public List<string> Groups { get; } = new();

    public List<string> AttachedPolicyArns { get; } = new();

    public Dictionary<string, string> InlinePolicies { get; } = new(StringComparer.Ordinal);

    public List<(string Serial, DateTime EnableDate)> Devices { get; } = new();

    public List<(string Id, bool Active)> AccessKeys { get; } = new();

    public FakeUser InPath(string path)
    {
        Path = path;
        return this;
    }

    public FakeUser Console(DateTime? lastUsed = null)
    {
        HasLoginProfile = true;
        PasswordLastUsed = lastUsed;
        return this;
    }

    public FakeUser Tag(string key, string value)
    {
        Tags[key] = value;
        return this;
    }

    public FakeUser Member(params string[] groups)
    {
        Groups.AddRange(groups);
        return this;
    }

    public FakeUser Attach(string policyArn)
    {
        AttachedPolicyArns.Add(policyArn);
        return this;
    }

    public FakeUser Inline(string name, string document)
    {
        InlinePolicies[name] = document;
        return this;
    }

    public FakeUser Virtual(string? deviceName = null, DateTime? enabled = null) =>
        Device($"arn:aws:iam::{FakeIamClient.AccountId}:mfa/{deviceName ?? Name}", enabled);

    public FakeUser Hardware(string serial, DateTime? enabled = null) => Device(serial, enabled);

    public FakeUser SecurityKey(string keyId = "key1", DateTime? enabled = null) =>
        Device($"arn:aws:iam::{FakeIamClient.AccountId}:u2f/user/{Name}/{keyId}", enabled);

    public FakeUser Device(string serial, DateTime? enabled = null)
    {
        Devices.Add((serial, enabled ?? CreateDate.AddDays(1 + Devices.Count)));
        return this;
    }

    public FakeUser Key(bool active = true)
    {
        AccessKeys.Add(($"AKIA{Name.ToUpperInvariant().Replace("-", string.Empty)}{AccessKeys.Count}", active));
        return this;
    }

    public string Arn => $"arn:aws:iam::{FakeIamClient.AccountId}:user{Path}{Name}";

    public bool IsVirtual(string serial) => serial.Contains(":mfa/");
}

/// <summary>An IAM group of the in-memory account.</summary>
internal sealed class FakeGroup
{
    public FakeGroup(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public List<string> AttachedPolicyArns { get; } = new();

    public Dictionary<string, string> InlinePolicies { get; } = new(StringComparer.Ordinal);

    public FakeGroup Attach(string policyArn)
    {
        AttachedPolicyArns.Add(policyArn);
        return this;
    }

    public FakeGroup Inline(string name, string document)
    {
        InlinePolicies[name] = document;
        return this;
    }
}

/// <summary>A managed policy of the in-memory account, customer-managed or AWS-managed.</summary>
internal sealed class FakePolicy
{
    public FakePolicy(string name, string document, bool awsManaged)
    {
        Name = name;
        Document = document;
        IsAwsManaged = awsManaged;
    }

    public string Name { get; }

    public string Document { get; }

    public bool IsAwsManaged { get; }

    public string Arn => IsAwsManaged
        ? $"arn:aws:iam::aws:policy/{Name}"
        : $"arn:aws:iam::{FakeIamClient.AccountId}:policy/{Name}";
}

/// <summary>A credential report the fake holds: when it was made, its CSV, and how far generation is.</summary>
internal sealed class FakeReport
{
    public FakeReport(DateTime generated, string csv, int callsUntilComplete)
    {
        Generated = generated;
        Csv = csv;
        CallsUntilComplete = callsUntilComplete;
    }

    public DateTime Generated { get; }

    public string Csv { get; }

    public int CallsUntilComplete { get; set; }

    public bool IsComplete => CallsUntilComplete <= 0;

    /// <summary>Writes the report as AWS does, with its N/A and no_information values.</summary>
    public static string Build(IEnumerable<FakeUser> users, bool rootMfa)
    {
        var lines = new List<string>
        {
            "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
                + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
                + "access_key_2_active,access_key_2_last_rotated,cert_1_active,cert_2_active",
            $"<root_account>,arn:aws:iam::{FakeIamClient.AccountId}:root,2020-01-01T00:00:00+00:00,not_supported,"
                + $"no_information,not_supported,not_supported,{Flag(rootMfa)},false,N/A,false,N/A,false,false",
        };
        foreach (var user in users)
        {
            var keys = user.AccessKeys.Select(k => Flag(k.Active)).Concat(new[] { "false", "false" }).ToList();
            lines.Add(string.Join(",", user.Name, user.Arn, Date(user.CreateDate), Flag(user.HasLoginProfile),
                user.HasLoginProfile ? user.PasswordLastUsed is { } used ? Date(used) : "no_information" : "N/A",
                "N/A", "N/A", Flag(user.Devices.Count > 0), keys[0], "N/A", keys[1], "N/A", "false", "false"));
        }

        return string.Join("\n", lines);
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Date(DateTime value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
}
