using IamEndpoint.Protocol;

namespace IamEndpoint.Hosting;

/// <summary>
/// Answers a share of Query requests with Throttling or ServiceFailure before anything else happens, drawn from a
/// seeded System.Random so a run repeats.
/// </summary>
internal sealed class FaultInjector(double throttleRate, double faultRate, int randomSeed)
{
    private readonly Lock _sync = new();
    private Random _random = new(randomSeed);

    /// <summary>Throws the injected error for this request, if it draws one.</summary>
    public void Draw()
    {
        if (throttleRate <= 0 && faultRate <= 0)
        {
            return;
        }

        double draw;
        lock (_sync)
        {
            draw = _random.NextDouble();
        }

        if (draw < throttleRate)
        {
            throw Errors.Throttling();
        }

        if (draw < throttleRate + faultRate)
        {
            throw Errors.ServiceFailure();
        }
    }

    /// <summary>Starts the sequence of draws again, as after a fresh start.</summary>
    public void Reset()
    {
        lock (_sync)
        {
            _random = new Random(randomSeed);
        }
    }
}
