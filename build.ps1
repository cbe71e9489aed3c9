<#
.SYNOPSIS
    Builds, tests, demonstrates and measures the MfaEnforcement module.
.DESCRIPTION
    build  assembles out/MfaEnforcement/<version>/: manifest, cmdlet assemblies for PowerShell 7 (net8.0) and
           Windows PowerShell 5.1 (netstandard2.0), their dependencies, the format file and the external help.
    test   builds, then runs xunit, the Pester suites against the built module and the local IAM endpoint, and the
           contract test with the official AWS SDK for JavaScript; ends with one line "N passed, N failed".
    demo   builds, starts the local IAM endpoint on a sample organisation and runs the module's commands.
    bench  builds, then measures Get-IamMfaStatus against a per-user baseline at 100, 1,000 and 5,000 users,
           and Set-MfaEnforcement over 1,000 piped users, first run and rerun.
    package
           builds, then packs the module into out/MfaEnforcement.<version>.nupkg, the package that
           Publish-PSResource or Install-PSResource take from a repository (the PowerShell Gallery, a file share).
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'demo', 'bench', 'package')]
    [string] $Task = 'build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$env:AWS_EC2_METADATA_DISABLED = 'true'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

$root = $PSScriptRoot
$version = ([xml](Get-Content -Raw (Join-Path $root 'Directory.Build.props'))).Project.PropertyGroup.Version |
    Where-Object { $_ } | Select-Object -First 1
$moduleDir = Join-Path $root "out/MfaEnforcement/$version"
$resultsDir = Join-Path $root 'out/test-results'
$packagePath = Join-Path $root "out/MfaEnforcement.$version.nupkg"

function Write-Step([string] $Message) {
    Write-Information "==> $Message" -InformationAction Continue
}

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Write-Step "Building MfaEnforcement $version ($Configuration)"
    foreach ($project in 'src/MfaEnforcement', 'src/MfaEnforcement.HelpBuilder') {
        Invoke-Native dotnet @('build', (Join-Path $root $project), '-c', $Configuration, '-v', 'quiet', '-nologo')
    }

    if (Test-Path $moduleDir) { Remove-Item -Recurse -Force $moduleDir }
    foreach ($framework in 'net8.0', 'netstandard2.0') {
        # Core and its dependencies go to deps/, apart from the cmdlet assembly, so that only the module's own
        # resolver can load them (see ModuleInitializer.cs).
        Invoke-Native dotnet @('publish', (Join-Path $root 'src/MfaEnforcement.Core'), '-c', $Configuration,
            '-f', $framework, '--no-build', '-v', 'quiet', '-nologo', '-o', (Join-Path $moduleDir "deps/$framework"))
        $bin = New-Item -ItemType Directory -Force (Join-Path $moduleDir "bin/$framework")
        Copy-Item (Join-Path $root "src/MfaEnforcement/bin/$Configuration/$framework/MfaEnforcement.dll") $bin
        Build-Help (Join-Path $bin 'en-US/MfaEnforcement.dll-Help.xml')
    }
    Get-ChildItem $moduleDir/deps -Recurse -Include '*.pdb', '*.deps.json', '*.xml' | Remove-Item

    Copy-Item (Join-Path $root 'src/MfaEnforcement/MfaEnforcement.psm1') $moduleDir
    Copy-Item (Join-Path $root 'src/MfaEnforcement/MfaEnforcement.format.ps1xml') $moduleDir
    Copy-Item -Recurse (Join-Path $root 'src/MfaEnforcement/Formats') $moduleDir
    $manifest = Get-Content -Raw (Join-Path $root 'MfaEnforcement.psd1')
    $manifest = $manifest -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion        = '$version'"
    Set-Content -Path (Join-Path $moduleDir 'MfaEnforcement.psd1') -Value $manifest -NoNewline
    Write-Step "Module assembled in out/MfaEnforcement/$version"
}

function Invoke-Package {
    Write-Step "Packing out/MfaEnforcement.$version.nupkg"
    if (Test-Path $packagePath) { Remove-Item -Force $packagePath }
    # Compress-PSResource (PSResourceGet, shipped with PowerShell 7.4 and later) checks the manifest as publishing
    # to a gallery would, and writes the nupkg without needing a registered repository.
    Compress-PSResource -Path $moduleDir -DestinationPath (Split-Path $packagePath)
}

function Invoke-BuildTestProjects {
    Write-Step 'Building the tests and the local IAM endpoint'
    foreach ($project in 'tests/MfaEnforcement.Tests', 'tests/IamEndpoint') {
        Invoke-Native dotnet @('build', (Join-Path $root $project), '-c', $Configuration, '-v', 'quiet', '-nologo')
    }
}

function Build-Help([string] $Destination) {
    $builder = Join-Path $root "src/MfaEnforcement.HelpBuilder/bin/$Configuration/net10.0"
    $builder = Join-Path $builder 'MfaEnforcement.HelpBuilder.dll'
    New-Item -ItemType Directory -Force (Split-Path $Destination) | Out-Null
    Invoke-Native dotnet @($builder, (Join-Path $root 'docs/en-US'), $Destination)
}

function Get-TrxCounts([string] $Path) {
    $counters = ([xml](Get-Content -Raw $Path)).TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error }
}

function Invoke-XunitTests {
    Write-Step 'xunit'
    $trx = Join-Path $resultsDir 'xunit.trx'
    & dotnet test (Join-Path $root 'tests/MfaEnforcement.Tests') -c $Configuration --no-build -nologo `
        --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal' | Out-Host
    if (-not (Test-Path $trx)) { return [pscustomobject]@{ Passed = 0; Failed = 1 } }
    Get-TrxCounts $trx
}

function Restore-TestPackages {
    # Pester, and Otp.NET for the codes an authenticator app would show (the tests and the demo compute them).
    Invoke-Native dotnet @('restore', (Join-Path $root 'tests/pester/PesterRestore.proj'), '-v', 'quiet', '-nologo')
}

function Invoke-PesterTests {
    Write-Step 'Pester'
    Restore-TestPackages
    $json = Join-Path $resultsDir 'pester.json'
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'tests/pester/Invoke-PesterSuite.ps1') `
        -ModulePath (Join-Path $moduleDir 'MfaEnforcement.psd1') -ResultPath $json | Out-Host
    if (-not (Test-Path $json)) { return [pscustomobject]@{ Passed = 0; Failed = 1 } }
    Get-Content -Raw $json | ConvertFrom-Json
}

function Invoke-ContractTests {
    Write-Step 'Contract test (AWS SDK for JavaScript v3 against the local endpoint)'
    $env:IAM_ENDPOINT_DLL = Join-Path $root "tests/IamEndpoint/bin/$Configuration/net10.0/IamEndpoint.dll"
    & bash (Join-Path $root 'tests/contract/run.sh') 2>&1 | Tee-Object -Variable lines | Out-Host
    $text = $lines -join "`n"
    $passed = if ($text -match '(?m)^# pass (\d+)') { [int]$Matches[1] } else { 0 }
    $failed = if ($text -match '(?m)^# fail (\d+)') { [int]$Matches[1] } else { 0 }
    if ($LASTEXITCODE -ne 0 -and $failed -eq 0) { $failed = 1 }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

function Invoke-Test {
    Invoke-Build
    Invoke-Package
    Invoke-BuildTestProjects
    New-Item -ItemType Directory -Force $resultsDir | Out-Null
    Get-ChildItem $resultsDir | Remove-Item -Recurse -Force
    $results = @(Invoke-XunitTests; Invoke-PesterTests; Invoke-ContractTests)
    $passed = ($results | Measure-Object -Property Passed -Sum).Sum
    $failed = ($results | Measure-Object -Property Failed -Sum).Sum
    Write-Output "$passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    Invoke-BuildTestProjects
    Restore-TestPackages
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'tests/demo/Invoke-Demo.ps1') `
        -ModulePath (Join-Path $moduleDir 'MfaEnforcement.psd1')
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Bench {
    Invoke-Build
    Invoke-BuildTestProjects
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'tests/bench/Invoke-Benchmark.ps1') `
        -ModulePath (Join-Path $moduleDir 'MfaEnforcement.psd1')
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

switch ($Task) {
    'build' { Invoke-Build }
    'test' { Invoke-Test }
    'demo' { Invoke-Demo }
    'bench' { Invoke-Bench }
    'package' { Invoke-Build; Invoke-Package }
}
