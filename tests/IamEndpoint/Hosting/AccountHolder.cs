using IamEndpoint.Account;

namespace IamEndpoint.Hosting;

/// <summary>The current account and the one lock every request takes to read or change it.</summary>
internal sealed class AccountHolder(string seedPath, int randomSeed)
{
    public Lock Sync { get; } = new();

    public AccountState State { get; private set; } = SeedLoader.Load(seedPath, randomSeed);

    /// <summary>Reads the seed file again; the current account stays when the file no longer loads.</summary>
    public void Reload()
    {
        AccountState fresh = SeedLoader.Load(seedPath, randomSeed);
        lock (Sync)
        {
            State = fresh;
        }
    }
}
