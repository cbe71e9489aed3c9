using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
#if NET8_0_OR_GREATER
using System.Runtime.Loader;
#endif

namespace MfaEnforcement;

/// <summary>
/// Loads MfaEnforcement.Core and the AWS SDK from the module's <c>deps</c> folder. On PowerShell 7 they go into a
/// private AssemblyLoadContext, so the module works beside AWS Tools for PowerShell even when that one loaded
/// another AWSSDK.Core first (every AWSSDK.Core 4.x claims assembly version 4.0.0.0). This assembly never names an
/// AWS SDK type; it only reaches Core, which the default context asks this resolver for.
/// See https://learn.microsoft.com/powershell/scripting/dev-cross-plat/resolving-dependency-conflicts.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private const string CoreAssemblyName = "MfaEnforcement.Core";

    private static readonly string s_depsPath = Path.Combine(
        Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "..", "..", "deps", TargetFolder);

#if NET8_0_OR_GREATER
    private const string TargetFolder = "net8.0";

    private static readonly DependencyLoadContext s_context = new(Path.GetFullPath(s_depsPath));

    /// <summary>Registers the resolver for Core.</summary>
    public void OnImport() => AssemblyLoadContext.Default.Resolving += ResolveCore;

    /// <summary>Unregisters it when the module is removed.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo) => AssemblyLoadContext.Default.Resolving -= ResolveCore;

    private static Assembly? ResolveCore(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == CoreAssemblyName ? s_context.LoadFromAssemblyName(name) : null;

    /// <summary>Everything Core needs that the framework does not provide comes from the deps folder.</summary>
    private sealed class DependencyLoadContext(string depsPath) : AssemblyLoadContext("MfaEnforcement")
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(depsPath, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
#else
    private const string TargetFolder = "netstandard2.0";

    /// <summary>
    /// Windows PowerShell 5.1 has no AssemblyLoadContext: the dependencies load into the one AppDomain, found here.
    /// </summary>
    public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;

    /// <summary>Unregisters the resolver when the module is removed.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo) => AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;

    private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        var path = Path.GetFullPath(Path.Combine(s_depsPath, name + ".dll"));
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
#endif
}
