<#
.SYNOPSIS
    Runs every *.Tests.ps1 in this folder against the built module and writes the counts as JSON.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
Import-Module (Join-Path (Get-NuGetPackageFolder) 'pester/5.7.1/tools/Pester.psd1') -Force

$env:MFAENFORCEMENT_MODULE = (Resolve-Path $ModulePath).Path
$env:AWS_EC2_METADATA_DISABLED = 'true'

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputPath = [System.IO.Path]::ChangeExtension($ResultPath, '.xml')
$result = Invoke-Pester -Configuration $configuration

[pscustomobject]@{
    Passed = $result.PassedCount
    Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
} | ConvertTo-Json | Set-Content -Path $ResultPath
