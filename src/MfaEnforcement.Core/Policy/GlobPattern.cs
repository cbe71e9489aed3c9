using System;
using System.Collections.Generic;
using System.Text;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// A pattern with IAM's wildcards: <c>*</c> for any run of characters, <c>?</c> for any one character. Text that
/// came from a policy variable (including <c>${*}</c>) is literal even where it holds those characters.
/// </summary>
internal sealed class GlobPattern
{
    private readonly string _text;
    private readonly bool[] _wild;

    private GlobPattern(string text, bool[] wild)
    {
        _text = text;
        _wild = wild;
    }

    /// <summary>All the characters of the pattern, wildcards included, as plain text.</summary>
    public string Text => _text;

    /// <summary>Whether the pattern holds any wildcard.</summary>
    public bool HasWildcards => Array.IndexOf(_wild, true) >= 0;

    /// <summary>A pattern in which <c>*</c> and <c>?</c> are wildcards.</summary>
    public static GlobPattern Parse(string text) => new Builder().AppendPattern(text).Build();

    /// <summary>A pattern that matches <paramref name="text"/> exactly.</summary>
    public static GlobPattern Literal(string text) => new Builder().AppendLiteral(text).Build();

    /// <summary>Matches a whole string against the pattern.</summary>
    /// <param name="input">The string to test.</param>
    /// <param name="ignoreCase">Compare letters without regard to case (actions are matched so).</param>
    /// <param name="arnSegments">
    /// Resource matching: a <c>*</c> stays within its colon-separated segment unless it is the segment's last
    /// character. See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html.
    /// </param>
    public bool IsMatch(string input, bool ignoreCase = false, bool arnSegments = false)
    {
        // reachable[s]: the pattern read so far can match input[0..s). One pass per pattern character keeps
        // the cost at pattern length × input length, however many stars there are.
        var reachable = new bool[input.Length + 1];
        var next = new bool[input.Length + 1];
        reachable[0] = true;
        for (int p = 0; p < _text.Length; p++)
        {
            Array.Clear(next, 0, next.Length);
            if (_wild[p] && _text[p] == '*')
            {
                bool endsSegment = p + 1 == _text.Length || (!_wild[p + 1] && _text[p + 1] == ':');
                bool crossesColons = !arnSegments || endsSegment;
                next[0] = reachable[0];
                for (int s = 1; s <= input.Length; s++)
                {
                    next[s] = reachable[s] || (next[s - 1] && (crossesColons || input[s - 1] != ':'));
                }
            }
            else
            {
                for (int s = 0; s < input.Length; s++)
                {
                    next[s + 1] = reachable[s] && (_wild[p] || SameChar(_text[p], input[s], ignoreCase));
                }
            }

            (reachable, next) = (next, reachable);
        }

        return reachable[input.Length];
    }

    /// <summary>Part of the pattern from <paramref name="start"/>, keeping which characters are wildcards.</summary>
    public GlobPattern Slice(int start, int length)
    {
        var wild = new bool[length];
        Array.Copy(_wild, start, wild, 0, length);
        return new GlobPattern(_text.Substring(start, length), wild);
    }

    public override string ToString() => _text;

    private static bool SameChar(char a, char b, bool ignoreCase)
    {
        return a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
    }

    /// <summary>Builds a pattern from pieces: policy text (with wildcards) and substituted values (literal).</summary>
    internal sealed class Builder
    {
        private readonly StringBuilder _text = new();
        private readonly List<bool> _wild = new();

        public Builder AppendPattern(string text)
        {
            foreach (char c in text)
            {
                _text.Append(c);
                _wild.Add(c == '*' || c == '?');
            }

            return this;
        }

        public Builder AppendLiteral(string text)
        {
            foreach (char c in text)
            {
                _text.Append(c);
                _wild.Add(false);
            }

            return this;
        }

        public GlobPattern Build() => new(_text.ToString(), _wild.ToArray());
    }
}
