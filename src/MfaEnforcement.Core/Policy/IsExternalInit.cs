#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 compile records and init accessors; newer frameworks define it themselves.</summary>
internal static class IsExternalInit
{
}
#endif
