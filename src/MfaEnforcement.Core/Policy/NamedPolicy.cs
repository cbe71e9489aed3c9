using System;

namespace MfaEnforcement.Core.Policy;

/// <summary>A policy document with the name the evaluator uses when it says which policy decided.</summary>
public class NamedPolicy
{
    /// <summary>Names a document.</summary>
    public NamedPolicy(string name, PolicyDocument document)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A policy needs a name to be reported by.", nameof(name));
        }

        Name = name;
        Document = document ?? throw new ArgumentNullException(nameof(document));
    }

    /// <summary>The policy's name (a managed policy's name, or an inline policy's name).</summary>
    public string Name { get; }

    /// <summary>The document.</summary>
    public PolicyDocument Document { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
