BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:Writes = 'CreatePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'SetDefaultPolicyVersion'
    $script:Endpoint = Start-TestEndpoint -Seed @{ accountId = '111122223333'; users = @(@{ name = 'admin' }) }
}

AfterAll {
    Stop-TestEndpoint $script:Endpoint
}

Describe 'New-MfaEnforcementPolicy' {
    Context 'Publishing to IAM' {
        BeforeAll {
            Clear-EndpointRequest $script:Endpoint
            $script:Created = New-MfaEnforcementPolicy -Description 'Requires MFA for everything but enrollment'
            $script:CreateRequests = @(Get-EndpointRequest $script:Endpoint -Action CreatePolicy)
        }

        It 'Creates the policy when it does not exist' {
            ($script:Created.Change, $script:Created.DefaultVersionId) | Should -Be @('Created', 'v1')
        }

        It 'Sends one CreatePolicy request with the name and description' {
            $script:CreateRequests.parameters.PolicyName, $script:CreateRequests.parameters.Description |
                Should -Be @('MfaEnforcement', 'Requires MFA for everything but enrollment')
        }

        It 'Emits the ARN in the caller''s account' {
            $script:Created.Arn | Should -Be 'arn:aws:iam::111122223333:policy/MfaEnforcement'
        }

        It 'Emits the attachment count and the document' {
            ($script:Created.AttachmentCount, ($script:Created.Document | ConvertFrom-Json).Version) |
                Should -Be @(0, '2012-10-17')
        }

        It 'Emits an MfaEnforcement.MfaEnforcementPolicy object' {
            $script:Created.PSObject.TypeNames[0] | Should -Be 'MfaEnforcement.MfaEnforcementPolicy'
        }

        It 'Sends no write when the document is unchanged' {
            Clear-EndpointRequest $script:Endpoint
            $same = New-MfaEnforcementPolicy
            ($same.Change, @(Get-EndpointRequest $script:Endpoint -Action $script:Writes).Count) |
                Should -Be @('Unchanged', 0)
        }

        It 'Adds a new default version when an option changes' {
            Clear-EndpointRequest $script:Endpoint
            $updated = New-MfaEnforcementPolicy -MaxSessionAge 3600
            $request = Get-EndpointRequest $script:Endpoint -Action CreatePolicyVersion
            ($updated.Change, $updated.DefaultVersionId, $request.parameters.SetAsDefault) |
                Should -Be @('Updated', 'v2', 'true')
        }

        It 'Writes the new option into the default version' {
            (Get-MfaEnforcementPolicy -PolicyName MfaEnforcement).MaxSessionAge | Should -Be ([timespan]::FromHours(1))
        }

        It 'Sends no write with -WhatIf' {
            Clear-EndpointRequest $script:Endpoint
            New-MfaEnforcementPolicy -MaxSessionAge 1800 -WhatIf
            @(Get-EndpointRequest $script:Endpoint -Action $script:Writes).Count | Should -Be 0
        }

        It 'Emits nothing with -WhatIf' {
            New-MfaEnforcementPolicy -MaxSessionAge 1800 -WhatIf | Should -BeNullOrEmpty
        }

        It 'Sends no CreatePolicy with -WhatIf for a new policy' {
            Clear-EndpointRequest $script:Endpoint
            New-MfaEnforcementPolicy -PolicyName MfaPreview -WhatIf
            @(Get-EndpointRequest $script:Endpoint -Action $script:Writes).Count | Should -Be 0
        }

        It 'Deletes the oldest version before adding a sixth' {
            foreach ($hours in 2, 3, 4) { New-MfaEnforcementPolicy -MaxSessionAge ([timespan]::FromHours($hours)) }
            Clear-EndpointRequest $script:Endpoint
            $rotated = New-MfaEnforcementPolicy -MaxSessionAge 18000
            $writes = @(Get-EndpointRequest $script:Endpoint -Action $script:Writes)
            ($writes.action + $writes[0].parameters.VersionId + $rotated.DefaultVersionId) |
                Should -Be @('DeletePolicyVersion', 'CreatePolicyVersion', 'v1', 'v6')
        }

        It 'Keeps five versions after the rotation' {
            Clear-EndpointRequest $script:Endpoint
            New-MfaEnforcementPolicy -MaxSessionAge 21600 | Out-Null
            (Get-EndpointRequest $script:Endpoint -Action DeletePolicyVersion).parameters.VersionId | Should -Be 'v2'
        }
    }

    Context 'Options' {
        It 'Reads -MaxSessionAge given as seconds the same as a TimeSpan' {
            $seconds = New-MfaEnforcementPolicy -DocumentOnly -MaxSessionAge 7200
            $timespan = New-MfaEnforcementPolicy -DocumentOnly -MaxSessionAge ([timespan]'02:00:00')
            $seconds | Should -BeExactly $timespan
        }

        It 'Writes an exemption tag into the deny' {
            $document = New-MfaEnforcementPolicy -DocumentOnly -ExemptionTag mfa-exempt | ConvertFrom-Json
            $deny = $document.Statement | Where-Object Sid -eq 'DenyAllExceptEnrollmentWithoutMfa'
            $deny.Condition.StringNotEqualsIfExists.'aws:PrincipalTag/mfa-exempt' | Should -Be 'true'
        }

        It 'Refuses an action that lets a whole service through, without sending a request' {
            Clear-EndpointRequest $script:Endpoint
            { New-MfaEnforcementPolicy -AdditionalAllowedAction 's3:*' -ErrorAction Stop } | Should -Throw -ErrorId `
                'NewMfaEnforcementPolicyInvalidOption,MfaEnforcement.Commands.NewMfaEnforcementPolicyCommand'
            @(Get-EndpointRequest $script:Endpoint).Count | Should -Be 0
        }

        It 'Says which parameter to change' {
            $failure = { New-MfaEnforcementPolicy -DocumentOnly -MaxSessionAge 60 } | Should -Throw -PassThru
            $failure.ToString() | Should -BeLike '-MaxSessionAge:*15 minutes*'
        }

        It 'Refuses a path that does not start and end with a slash' {
            $id = 'NewMfaEnforcementPolicyInvalidPath,MfaEnforcement.Commands.NewMfaEnforcementPolicyCommand'
            { New-MfaEnforcementPolicy -Path security -DocumentOnly } | Should -Throw -ErrorId $id
        }
    }

    It 'Returns the document with -DocumentOnly without any credentials' {
        $script = @"
`$env:AWS_ACCESS_KEY_ID = `$null; `$env:AWS_SECRET_ACCESS_KEY = `$null; `$env:AWS_SESSION_TOKEN = `$null
`$env:AWS_PROFILE = `$null; `$env:AWS_ENDPOINT_URL = `$null
`$env:AWS_SHARED_CREDENTIALS_FILE = '$([System.IO.Path]::GetTempFileName())'
`$env:AWS_CONFIG_FILE = `$env:AWS_SHARED_CREDENTIALS_FILE
`$env:AWS_EC2_METADATA_DISABLED = 'true'
Import-Module '$(Get-TestModulePath)'
try { (New-MfaEnforcementPolicy -DocumentOnly -ErrorAction Stop | ConvertFrom-Json).Statement[-1].Sid }
catch { `$_.FullyQualifiedErrorId }
"@
        Invoke-ChildPwsh $script | Should -Be 'DenyAllExceptEnrollmentWithoutMfa'
    }
}
