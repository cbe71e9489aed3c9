BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $seed = New-EnrollmentSeed -User @(
        @{ name = 'carol'; loginProfile = $true; groups = @('Developers') }
    ) -VirtualMfaDevice @(@{ name = 'spare'; seed = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' })
    $script:Endpoint = Start-TestEndpoint -Seed $seed
    $script:Spare = 'arn:aws:iam::123456789012:mfa/spare'
}

AfterAll {
    Stop-TestEndpoint $script:Endpoint
}

Describe 'Enable-IamMfaDevice' {
    Context 'Enrolling a new user end to end' {
        BeforeAll {
            $device = New-IamVirtualMfaDevice -UserName carol
            $seed = [System.Net.NetworkCredential]::new('', $device.Base32StringSeed).Password
            $script:Serial = $device.SerialNumber
            $codes = Get-TotpCode $seed -Pair
            $script:PassedThrough = @($device |
                    Enable-IamMfaDevice -AuthenticationCode1 $codes[0] -AuthenticationCode2 $codes[1] -PassThru)
            $script:Status = Get-IamMfaStatus -UserName carol
        }

        It 'Emits with -PassThru the status that Get-IamMfaStatus reads afterwards' {
            ($script:PassedThrough.Count, $script:PassedThrough[0].UserName, "$($script:PassedThrough[0].Status)",
                @($script:PassedThrough[0].MfaDevices.SerialNumber)) |
                Should -Be @(1, 'carol', 'Enforced', $script:Serial)
        }

        It 'Assigns the device to the user, as Get-IamMfaStatus shows' {
            @($script:Status.MfaDevices.SerialNumber) | Should -Be @($script:Serial)
        }

        It 'Leaves the user Enforced under the enforcement policy' {
            "$($script:Status.Status)" | Should -Be 'Enforced'
        }
    }

    It 'Explains two codes that are not consecutive' {
        Enable-IamMfaDevice -UserName admin -SerialNumber $script:Spare -AuthenticationCode1 111111 `
            -AuthenticationCode2 222222 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId |
            Should -Be 'EnableIamMfaDeviceInvalidAuthenticationCode,MfaEnforcement.Commands.EnableIamMfaDeviceCommand'
    }

    It 'Emits nothing with -PassThru when the codes are refused' {
        @(Enable-IamMfaDevice -UserName admin -SerialNumber $script:Spare -AuthenticationCode1 111111 `
                -AuthenticationCode2 222222 -PassThru -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'Tells the user to enter two consecutive codes' {
        Enable-IamMfaDevice -UserName admin -SerialNumber $script:Spare -AuthenticationCode1 111111 `
            -AuthenticationCode2 222222 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].ErrorDetails.Message | Should -Match 'two consecutive codes'
    }

    It 'Refuses a five-digit code without sending a request' {
        Clear-EndpointRequest $script:Endpoint
        $id = Get-FailureId { Enable-IamMfaDevice admin $script:Spare 12345 123456 }
        ($id, @(Get-EndpointRequest $script:Endpoint).Count) |
            Should -Be @('EnableIamMfaDeviceInvalidCodeFormat,MfaEnforcement.Commands.EnableIamMfaDeviceCommand', 0)
    }

    It 'Refuses a code with letters' {
        Get-FailureId { Enable-IamMfaDevice admin $script:Spare 123456 12345O } |
            Should -Be 'EnableIamMfaDeviceInvalidCodeFormat,MfaEnforcement.Commands.EnableIamMfaDeviceCommand'
    }

    It 'Refuses the same code twice' {
        Get-FailureId { Enable-IamMfaDevice admin $script:Spare 123456 123456 } |
            Should -Be 'EnableIamMfaDeviceSameAuthenticationCodes,MfaEnforcement.Commands.EnableIamMfaDeviceCommand'
    }

    It 'Refuses a serial number that is not one' {
        Enable-IamMfaDevice admin 'not a serial' 123456 234567 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId |
            Should -Be 'EnableIamMfaDeviceInvalidSerialNumber,MfaEnforcement.Commands.EnableIamMfaDeviceCommand'
    }

    It 'Sends no EnableMFADevice request with -WhatIf' {
        Clear-EndpointRequest $script:Endpoint
        Enable-IamMfaDevice admin $script:Spare 123456 234567 -WhatIf
        @(Get-EndpointRequest $script:Endpoint -Action EnableMFADevice).Count | Should -Be 0
    }
}
