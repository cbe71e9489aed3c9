BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:Phone = 'arn:aws:iam::123456789012:mfa/frank-phone'
    $script:BobPhone = 'arn:aws:iam::123456789012:mfa/bob-phone'
    $script:Leftover = 'arn:aws:iam::123456789012:mfa/grace'
    $script:Seed = New-EnrollmentSeed -User @(
        @{ name = 'frank'; loginProfile = $true; groups = @('Developers')
            mfaDevices = @(
                @{ type = 'virtual'; name = 'frank-phone' }
                @{ type = 'hardware'; serialNumber = 'GAHT12345678' }
            )
        }
        @{ name = 'bob'; loginProfile = $true; mfaDevices = @(@{ type = 'virtual'; name = 'bob-phone' }) }
        @{ name = 'grace'; loginProfile = $true }
    ) -VirtualMfaDevice @(@{ name = 'grace' })
    $script:Endpoint = Start-TestEndpoint -Seed $script:Seed
}

AfterAll {
    Stop-TestEndpoint $script:Endpoint
}

Describe 'Reset-IamMfaDevice' {
    Context 'The lost phone' {
        BeforeAll {
            Clear-EndpointRequest $script:Endpoint
            $script:PassedThrough = @(Reset-IamMfaDevice -UserName frank -Confirm:$false -PassThru)
            $script:Requests = @(Get-EndpointRequest $script:Endpoint)
        }

        It 'Emits the user PendingEnrollment with -PassThru, with no device left' {
            ($script:PassedThrough.Count, $script:PassedThrough[0].UserName, "$($script:PassedThrough[0].Status)",
                @($script:PassedThrough[0].MfaDevices).Count) | Should -Be @(1, 'frank', 'PendingEnrollment', 0)
        }

        It 'Deactivates every device of the user' {
            @($script:Requests | Where-Object action -eq DeactivateMFADevice).parameters.SerialNumber |
                Sort-Object | Should -Be @($script:Phone, 'GAHT12345678')
        }

        It 'Deletes the virtual device only' {
            @($script:Requests | Where-Object action -eq DeleteVirtualMFADevice).parameters.SerialNumber |
                Should -Be @($script:Phone)
        }

        It 'Returns the user to PendingEnrollment under enforcement' {
            "$((Get-IamMfaStatus -UserName frank).Status)" | Should -Be 'PendingEnrollment'
        }
    }

    It 'Emits nothing with -WhatIf -PassThru' {
        @(Reset-IamMfaDevice -UserName bob -WhatIf -PassThru).Count | Should -Be 0
    }

    It "Refuses another user's serial number without changing anything" {
        Clear-EndpointRequest $script:Endpoint
        Reset-IamMfaDevice -UserName grace -SerialNumber $script:BobPhone -Confirm:$false -ErrorVariable failures `
            -ErrorAction SilentlyContinue
        $deactivated = @(Get-EndpointRequest $script:Endpoint -Action DeactivateMFADevice).Count
        ($failures[0].FullyQualifiedErrorId, $deactivated) |
            Should -Be @('ResetIamMfaDeviceSerialNumberNotOwned,MfaEnforcement.Commands.ResetIamMfaDeviceCommand', 0)
    }

    It 'Sends no DeactivateMFADevice request with -WhatIf' {
        Clear-EndpointRequest $script:Endpoint
        Reset-IamMfaDevice -UserName bob -WhatIf
        @(Get-EndpointRequest $script:Endpoint -Action DeactivateMFADevice).Count | Should -Be 0
    }

    It 'Deletes a device left over from an unfinished enrollment' {
        Clear-EndpointRequest $script:Endpoint
        Reset-IamMfaDevice -UserName grace -SerialNumber $script:Leftover -Confirm:$false
        @(Get-EndpointRequest $script:Endpoint -Action DeleteVirtualMFADevice).parameters.SerialNumber |
            Should -Be @($script:Leftover)
    }

    It 'Warns when the user has no device' {
        Reset-IamMfaDevice -UserName grace -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -Match 'no MFA device'
    }

    It 'Reports a user that does not exist' {
        Reset-IamMfaDevice -UserName ghost -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId |
            Should -Be 'ResetIamMfaDeviceNoSuchEntity,MfaEnforcement.Commands.ResetIamMfaDeviceCommand'
    }

    It 'Asks for confirmation by default (ConfirmImpact High)' {
        $attribute = (Get-Command Reset-IamMfaDevice).ImplementingType.GetCustomAttributes(
            [System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
    }
}
