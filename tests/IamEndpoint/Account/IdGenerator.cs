using System.Security.Cryptography;
using System.Text;

namespace IamEndpoint.Account;

/// <summary>
/// Makes IAM-shaped identifiers: a four-letter prefix that tells the kind (AIDA user, AGPA group, ANPA policy,
/// AKIA access key, ASIA temporary key) and upper-case letters and digits.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
/// </summary>
internal sealed class IdGenerator(int seed)
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private readonly Random _random = new(seed);

    /// <summary>The same id for the same name on every load, so seeded entities keep their ids across resets.</summary>
    public static string Stable(string prefix, string name, int length = 17)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(prefix + ":" + name));
        var id = new StringBuilder(prefix, prefix.Length + length);
        for (int i = 0; i < length; i++)
        {
            id.Append(IdAlphabet[hash[i] % IdAlphabet.Length]);
        }

        return id.ToString();
    }

    public string NewId(string prefix, int length = 17) => prefix + Draw(IdAlphabet, length);

    public string NewAccessKeyId(string prefix) => NewId(prefix, 16);

    /// <summary>Secrets come from the system's random source: they are credentials, even here.</summary>
    public static string NewSecret(int length = 40) =>
        RandomNumberGenerator.GetString(SecretAlphabet, length);

    private string Draw(string alphabet, int length)
    {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            text.Append(alphabet[_random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }
}
