BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:PolicyArn = 'arn:aws:iam::123456789012:policy/MfaEnforcement'
    $script:Writes = 'CreatePolicy', 'CreateGroup', 'AttachUserPolicy', 'AttachGroupPolicy', 'AddUserToGroup',
        'DetachUserPolicy', 'DetachGroupPolicy', 'RemoveUserFromGroup'
    $script:RemoveCommand = 'MfaEnforcement.Commands.RemoveMfaEnforcementCommand'

    # Users with attachments and memberships of their own, to see that Remove-MfaEnforcement touches no other.
    $users = @(
        @{ name = 'admin'; groups = @('Admins'); mfaDevices = @(@{ type = 'virtual'; name = 'admin-phone' }) }
        @{ name = 'alice'; attachedPolicies = @('ReadOnlyAccess'); groups = @('Developers') }
        @{ name = 'bob'; attachedPolicies = @('ReadOnlyAccess', 'IAMUserChangePassword') }
        @{ name = 'carol'; groups = @('Developers') }
        @{ name = 'dave'; loginProfile = $true }
    )
    $groups = @(@{ name = 'Admins'; attachedPolicies = @('AdministratorAccess') }
        @{ name = 'Developers'; attachedPolicies = @('PowerUserAccess') })
    $script:Endpoint = Start-TestEndpoint -Seed @{ users = $users; groups = $groups }

    function Get-WriteRequest {
        @(Get-EndpointRequest $script:Endpoint -Action $script:Writes)
    }
}

AfterAll {
    Stop-TestEndpoint $script:Endpoint
}

Describe 'Remove-MfaEnforcement' {
    BeforeEach {
        Reset-TestEndpoint $script:Endpoint
        $script:Original = Get-EndpointAttachment $script:Endpoint
    }

    It 'Restores the original attachments after Set-MfaEnforcement on users' {
        Get-IamUser | Set-MfaEnforcement -Confirm:$false -WarningAction SilentlyContinue
        Get-IamUser | Remove-MfaEnforcement -Confirm:$false
        Get-EndpointAttachment $script:Endpoint | Should -Be $script:Original
    }

    It 'Restores the original attachments after Set-MfaEnforcement on a group' {
        Get-IamGroup Developers | Set-MfaEnforcement -Confirm:$false -WarningAction SilentlyContinue
        Get-IamGroup Developers | Remove-MfaEnforcement -Confirm:$false
        Get-EndpointAttachment $script:Endpoint | Should -Be $script:Original
    }

    It 'Restores the original memberships after Set-MfaEnforcement -ViaGroup, keeping the group' {
        Get-IamUser | Set-MfaEnforcement -ViaGroup MfaEnforced -Confirm:$false -WarningAction SilentlyContinue
        Get-IamUser | Remove-MfaEnforcement -ViaGroup MfaEnforced -Confirm:$false
        $expected = @($script:Original) + "group/MfaEnforced=$script:PolicyArn" | Sort-Object
        Get-EndpointAttachment $script:Endpoint | Should -Be $expected
    }

    It 'Detaches only where the policy is attached' {
        Set-MfaEnforcement -UserName alice, bob -Confirm:$false -WarningAction SilentlyContinue
        Clear-EndpointRequest $script:Endpoint
        Get-IamUser | Remove-MfaEnforcement -Confirm:$false
        # Detaches run a few at a time, so they arrive in any order.
        @(Get-WriteRequest | ForEach-Object { "$($_.action) $($_.parameters.UserName)" } | Sort-Object) |
            Should -Be @('DetachUserPolicy alice', 'DetachUserPolicy bob')
    }

    It 'Sends no write when run again' {
        Set-MfaEnforcement -UserName alice -Confirm:$false -WarningAction SilentlyContinue
        Remove-MfaEnforcement -UserName alice -Confirm:$false
        Clear-EndpointRequest $script:Endpoint
        Remove-MfaEnforcement -UserName alice -Confirm:$false
        Get-WriteRequest | Should -BeNullOrEmpty
    }

    It 'Says in -Verbose that a user does not have the policy' {
        Set-MfaEnforcement -UserName alice -Confirm:$false -WarningAction SilentlyContinue
        $verbose = Remove-MfaEnforcement -UserName carol -Confirm:$false -Verbose 4>&1 | Out-String
        $verbose | Should -Match "User 'carol' does not have the policy"
    }

    It 'Sends no mutating request with -WhatIf' {
        Get-IamUser | Set-MfaEnforcement -Confirm:$false -WarningAction SilentlyContinue
        Clear-EndpointRequest $script:Endpoint
        Get-IamUser | Remove-MfaEnforcement -WhatIf
        Get-WriteRequest | Should -BeNullOrEmpty
    }

    It 'Warns and writes nothing when the policy does not exist' {
        Remove-MfaEnforcement -UserName alice -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        ((Get-WriteRequest).Count, ($warnings -join ' ' -match 'does not exist')) | Should -Be @(0, $true)
    }

    It 'Reports a missing user by name as RemoveMfaEnforcementNoSuchEntity' {
        Set-MfaEnforcement -UserName alice -Confirm:$false -WarningAction SilentlyContinue
        Remove-MfaEnforcement -UserName ghost, alice -Confirm:$false -ErrorVariable failures `
            -ErrorAction SilentlyContinue
        $detached = -not (@(Get-EndpointAttachment $script:Endpoint) -contains "user/alice=$script:PolicyArn")
        ($failures[0].FullyQualifiedErrorId, $failures[0].TargetObject, $detached) |
            Should -Be @("RemoveMfaEnforcementNoSuchEntity,$script:RemoveCommand", 'ghost', $true)
    }

    It 'Refuses to run without a target' {
        { Remove-MfaEnforcement -Confirm:$false } |
            Should -Throw -ErrorId "RemoveMfaEnforcementNoTarget,$script:RemoveCommand"
    }
}
