namespace IamEndpoint.Operations.Simulation;

/// <summary>Chooses the evaluator behind SimulatePrincipalPolicy: the module's own.</summary>
internal static class PolicySimulators
{
    public static IPolicySimulator Create() => new CorePolicySimulator();
}
