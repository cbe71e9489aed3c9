BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $enrollment = @('iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices',
        'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken')
    function New-Deny([string] $Operator) {
        @{
            Version   = '2012-10-17'
            Statement = @(@{
                    Sid       = 'DenyWithoutMfa'
                    Effect    = 'Deny'
                    NotAction = $enrollment
                    Resource  = '*'
                    Condition = @{ $Operator = @{ 'aws:MultiFactorAuthPresent' = 'false' } }
                })
        }
    }
    $allowWithMfa = @{
        Version   = '2012-10-17'
        Statement = @(@{
                Effect    = 'Allow'
                Action    = '*'
                Resource  = '*'
                Condition = @{ Null = @{ 'aws:MultiFactorAuthAge' = 'false' } }
            })
    }
    $seed = @{
        accountId = '111122223333'
        policies  = @(
            @{ name = 'RequireMfa'; document = (New-Deny BoolIfExists) }
            @{ name = 'LegacyMfa'; path = '/legacy/'; document = (New-Deny Bool) }
            @{ name = 'MfaEnforcement'; document = $allowWithMfa }
        )
        groups    = @(@{ name = 'Developers'; attachedPolicies = @('RequireMfa', 'PowerUserAccess') })
        users     = @(
            @{ name = 'admin' }
            @{ name = 'bob'; attachedPolicies = @('RequireMfa') }
        )
    }
    $script:Endpoint = Start-TestEndpoint -Seed $seed
}

AfterAll {
    Stop-TestEndpoint $script:Endpoint
}

Describe 'Get-MfaEnforcementPolicy' {
    Context 'Listing every enforcing policy' {
        BeforeAll {
            Clear-EndpointRequest $script:Endpoint
            $script:Found = @(Get-MfaEnforcementPolicy)
            $script:Requests = @(Get-EndpointRequest $script:Endpoint)
            $script:RequireMfa = $script:Found | Where-Object PolicyName -eq 'RequireMfa'
        }

        It 'Finds the policies that deny without MFA, whatever their names' {
            $script:Found.PolicyName | Should -Be @('LegacyMfa', 'RequireMfa')
        }

        It 'Leaves out a policy that only allows with MFA, even one named MfaEnforcement' {
            $script:Found.PolicyName | Should -Not -Contain 'MfaEnforcement'
        }

        It 'Tells a deny under plain Bool apart as console-only' {
            ($script:Found | Where-Object PolicyName -eq 'LegacyMfa').Level | Should -Be 'ConsoleOnly'
        }

        It 'Rates a deny under BoolIfExists as full enforcement' {
            $script:RequireMfa.Level | Should -Be 'Full'
        }

        It 'Lists the groups a policy is attached to' {
            $script:RequireMfa.AttachedGroups | Should -Be @('Developers')
        }

        It 'Lists the users a policy is attached to' {
            $script:RequireMfa.AttachedUsers | Should -Be @('bob')
        }

        It 'Reads the policies in one bulk request' {
            @($script:Requests | Where-Object action -eq 'GetAccountAuthorizationDetails').Count | Should -Be 1
        }

        It 'Asks for the attachments of attached policies only' {
            @($script:Requests | Where-Object action -eq 'ListEntitiesForPolicy').parameters.PolicyArn |
                Should -Be @('arn:aws:iam::111122223333:policy/RequireMfa')
        }

        It 'Emits MfaEnforcement.MfaEnforcementPolicy objects' {
            $script:Found[0].PSObject.TypeNames[0] | Should -Be 'MfaEnforcement.MfaEnforcementPolicy'
        }
    }

    It 'Filters by name with wildcards' {
        @(Get-MfaEnforcementPolicy -PolicyName 'req*').PolicyName | Should -Be @('RequireMfa')
    }

    It 'Finds the policy New-MfaEnforcementPolicy publishes' {
        New-MfaEnforcementPolicy -PolicyName StaffMfa -Path /security/ | Out-Null
        (Get-MfaEnforcementPolicy -PolicyName StaffMfa).Arn |
            Should -Be 'arn:aws:iam::111122223333:policy/security/StaffMfa'
    }

    It 'Returns nothing for a name that matches no enforcing policy' {
        Get-MfaEnforcementPolicy -PolicyName MfaEnforcement | Should -BeNullOrEmpty
    }

    It 'Fails with a clear error when the endpoint is unreachable' {
        $id = 'GetMfaEnforcementPolicyEndpointUnreachable,MfaEnforcement.Commands.GetMfaEnforcementPolicyCommand'
        { Get-MfaEnforcementPolicy -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } | Should -Throw -ErrorId $id
    }
}
