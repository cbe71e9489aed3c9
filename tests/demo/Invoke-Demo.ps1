<#
.SYNOPSIS
    The module at work on a sample organisation of about 50 users, served by the local IAM endpoint.
.DESCRIPTION
    Starts the endpoint with tests/IamEndpoint/seeds/sample.json, imports the built module and runs what an
    administrator would run, from the audit to enforcement, proof, a user's enrollment, the lost-phone reset, an MFA
    session for scripts and the rollback; then stops the endpoint. Nothing leaves 127.0.0.1, and the shared
    credentials file it writes lives in a temporary folder that is removed at the end.
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

function Show-Note([string] $Text) {
    Write-Output ''
    Write-Output "# $Text"
}

# The seed of the admin's phone app in the sample organisation: the demo computes the codes the app would show.
$adminPhoneSeed = 'NSZLSTCEUKQ5FNVZAF2GFUKOQ7WP277A'
$scratch = Join-Path ([IO.Path]::GetTempPath()) "mfa-demo-$([guid]::NewGuid().ToString('n'))"
New-Item -ItemType Directory $scratch | Out-Null
$env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $scratch 'credentials'
$endpoint = Start-TestEndpoint -Seed (Join-Path $PSScriptRoot '../IamEndpoint/seeds/sample.json')
try {
    Write-Output "Local IAM endpoint: $($endpoint.Url) (sample organisation)"

    Show-Note 'Inventory'
    Show-Step 'Get-IamUser | Select-Object -First 5' { Get-IamUser | Select-Object -First 5 }
    Show-Step 'Get-IamGroup' { Get-IamGroup }

    Show-Note 'Who can sign in without MFA, and is MFA enforced for them?'
    Show-Step 'Get-IamMfaStatus -IncludeRoot | Sort-Object Status' {
        Get-IamMfaStatus -IncludeRoot | Sort-Object Status
    }
    Show-Step 'Get-IamMfaStatus | Group-Object Status -NoElement' { Get-IamMfaStatus | Group-Object Status -NoElement }
    Show-Step 'Get-IamMfaStatus -UserName gabe.hughes | Select-Object UserName, Status, Findings | Format-List' {
        Get-IamMfaStatus -UserName gabe.hughes | Select-Object UserName, Status, Findings | Format-List
    }
    Show-Step 'Get-MfaEnforcementPolicy' { Get-MfaEnforcementPolicy }

    Show-Note 'The policy: built, proved offline, then created'
    Show-Step 'New-MfaEnforcementPolicy -AllowPasswordChange -DocumentOnly' {
        New-MfaEnforcementPolicy -AllowPasswordChange -DocumentOnly
    }
    Show-Step 'Test-MfaEnforcement -PolicyDocument (New-MfaEnforcementPolicy -AllowPasswordChange -DocumentOnly)' {
        Test-MfaEnforcement -PolicyDocument (New-MfaEnforcementPolicy -AllowPasswordChange -DocumentOnly)
    }
    Show-Step 'New-MfaEnforcementPolicy -AllowPasswordChange -Confirm:$false' {
        New-MfaEnforcementPolicy -AllowPasswordChange -Confirm:$false
    }

    Show-Note 'Enforcement through one group: first what would change, then the change'
    Show-Step 'Get-IamUser -Path /engineering/ | Set-MfaEnforcement -ViaGroup MfaRequired -WhatIf' {
        Get-IamUser -Path /engineering/ | Set-MfaEnforcement -ViaGroup MfaRequired -WhatIf 3>&1 6>&1
    }
    Show-Step 'Get-IamUser -Path /engineering/ | Set-MfaEnforcement -ViaGroup MfaRequired -Confirm:$false' {
        Get-IamUser -Path /engineering/ | Set-MfaEnforcement -ViaGroup MfaRequired -Confirm:$false 3>&1
    }
    Show-Step 'Get-IamUser -Path /engineering/ | Get-IamMfaStatus' {
        Get-IamUser -Path /engineering/ | Get-IamMfaStatus
    }
    Show-Step 'Get-IamUser -Path /engineering/ | Test-MfaEnforcement | Where-Object Verdict' {
        Get-IamUser -Path /engineering/ | Test-MfaEnforcement | Where-Object Verdict
    }

    Show-Note 'A new phone for gustav.berg: the admin enrolls it with two consecutive codes from the app'
    Show-Step '$device = New-IamVirtualMfaDevice -UserName gustav.berg; $device' {
        $script:Device = New-IamVirtualMfaDevice -UserName gustav.berg
        $script:Device
    }
    $seed = [System.Net.NetworkCredential]::new('', $script:Device.Base32StringSeed).Password
    $code1, $code2 = Get-TotpCode $seed -Pair
    Show-Step "`$device | Enable-IamMfaDevice -AuthenticationCode1 $code1 -AuthenticationCode2 $code2 -PassThru" {
        $script:Device | Enable-IamMfaDevice -AuthenticationCode1 $code1 -AuthenticationCode2 $code2 -PassThru
    }
    Show-Step 'Get-IamMfaStatus -UserName gustav.berg' { Get-IamMfaStatus -UserName gustav.berg }

    Show-Note 'gustav.berg lost that phone: reset it, and he enrolls again at the next sign-in'
    Show-Step 'Reset-IamMfaDevice -UserName gustav.berg -Confirm:$false -PassThru' {
        Reset-IamMfaDevice -UserName gustav.berg -Confirm:$false -PassThru
    }
    Show-Step 'Get-IamMfaStatus -UserName gustav.berg' { Get-IamMfaStatus -UserName gustav.berg }

    Show-Note "The admin's scripts keep working: an MFA session saved as a profile, then reused"
    $code = Get-TotpCode $adminPhoneSeed
    Show-Step "New-MfaSession -TokenCode $code -SaveAsProfile mfa -PassThru" {
        New-MfaSession -TokenCode $code -SaveAsProfile mfa -PassThru
    }
    Show-Step 'Get-IamUser -UserName admin -ProfileName mfa' { Get-IamUser -UserName admin -ProfileName mfa }
    Show-Step 'New-MfaSession -SaveAsProfile mfa -PassThru   # no code: the session is still valid' {
        New-MfaSession -SaveAsProfile mfa -PassThru
    }

    Show-Note 'The rollback'
    $rollback = 'Get-IamUser -Path /engineering/ | Remove-MfaEnforcement -ViaGroup MfaRequired -Confirm:$false ' +
        '-PassThru | Group-Object Status -NoElement'
    Show-Step $rollback {
        Get-IamUser -Path /engineering/ | Remove-MfaEnforcement -ViaGroup MfaRequired -Confirm:$false -PassThru 3>&1 |
            Group-Object Status -NoElement
    }

    Write-Output ''
    Write-Output 'Demo finished: every request above went to the local endpoint only.'
}
finally {
    Stop-TestEndpoint $endpoint
    Remove-Item -Recurse -Force $scratch
}
