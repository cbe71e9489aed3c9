<#
.SYNOPSIS
    The module at work on a sample organisation of about 50 users, served by the local IAM endpoint.
.DESCRIPTION
    Starts the endpoint with tests/IamEndpoint/seeds/sample.json, imports the built module and runs the commands
    an administrator would run, from inventory to enforcement, then stops the endpoint. Nothing leaves 127.0.0.1.
#>
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
$env:MFAENFORCEMENT_MODULE = (Resolve-Path $ModulePath).Path
Import-Module (Join-Path $PSScriptRoot '../pester/TestHelpers.psm1') -Force
Import-Module $env:MFAENFORCEMENT_MODULE -Force

function Show-Step([string] $Command, [scriptblock] $Block) {
    Write-Output ''
    Write-Output "PS> $Command"
    & $Block | Out-String -Width 120 | Write-Output
}

function Test-Command([string] $Name) { [bool](Get-Command $Name -Module MfaEnforcement -ErrorAction Ignore) }

$endpoint = Start-TestEndpoint -Seed (Join-Path $PSScriptRoot '../IamEndpoint/seeds/sample.json')
try {
    Write-Output "Local IAM endpoint: $($endpoint.Url) (sample organisation)"

    Show-Step 'Get-IamUser | Select-Object -First 10' { Get-IamUser | Select-Object -First 10 }
    Show-Step 'Get-IamUser -Path /external/' { Get-IamUser -Path /external/ }
    Show-Step 'Get-IamGroup' { Get-IamGroup }

    if (Test-Command Get-IamMfaStatus) {
        Show-Step 'Get-IamMfaStatus -IncludeRoot | Sort-Object Status' {
            Get-IamMfaStatus -IncludeRoot | Sort-Object Status
        }
        Show-Step 'Get-IamMfaStatus | Group-Object Status -NoElement' {
            Get-IamMfaStatus | Group-Object Status -NoElement
        }
    }

    if (Test-Command New-MfaEnforcementPolicy) {
        Show-Step 'New-MfaEnforcementPolicy -DocumentOnly' { New-MfaEnforcementPolicy -DocumentOnly }
    }

    if (Test-Command Set-MfaEnforcement) {
        Show-Step 'Get-IamUser -Path /engineering/ | Set-MfaEnforcement -WhatIf' {
            Get-IamUser -Path /engineering/ | Set-MfaEnforcement -WhatIf 6>&1
        }
    }

    if (Test-Command Test-MfaEnforcement) {
        Show-Step 'Get-IamUser -Path /engineering/ | Test-MfaEnforcement | Where-Object Verdict' {
            Get-IamUser -Path /engineering/ | Test-MfaEnforcement | Where-Object Verdict |
                Select-Object UserName, Verdict, EnforcedBy
        }
        Show-Step '(Test-MfaEnforcement -UserName amara.okafor | Where-Object Verdict).Findings' {
            (Test-MfaEnforcement -UserName amara.okafor | Where-Object Verdict).Findings
        }
    }

    Write-Output ''
    Write-Output 'Demo finished: every request above went to the local endpoint only.'
}
finally {
    Stop-TestEndpoint $endpoint
}
