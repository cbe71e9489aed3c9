using IamEndpoint.Protocol;

namespace IamEndpoint.Operations;

/// <summary>Every action the endpoint serves.</summary>
internal static class OperationCatalog
{
    public static OperationTable Build()
    {
        var table = new OperationTable();
        UserOperations.Register(table);
        GroupOperations.Register(table);
        CredentialOperations.Register(table);
        MfaOperations.Register(table);
        ManagedPolicyOperations.Register(table);
        AttachmentOperations.Register(table);
        InlinePolicyOperations.Register(table);
        AccountOperations.Register(table);
        CredentialReportOperations.Register(table);
        SimulationOperations.Register(table);
        StsOperations.Register(table);
        return table;
    }
}
