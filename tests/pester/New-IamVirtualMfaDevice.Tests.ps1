BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $seed = New-EnrollmentSeed -User @(
        @{ name = 'carol'; loginProfile = $true; groups = @('Developers') }
        @{ name = 'dave'; loginProfile = $true; groups = @('Developers')
            accessKeys = @(@{ id = 'AKIADAVELONGTERM0001'; secret = 'dave-long-term-secret' })
        }
    )
    $script:Endpoint = Start-TestEndpoint -Seed $seed
    $script:Folder = Join-Path ([System.IO.Path]::GetTempPath()) "mfa-device-$([guid]::NewGuid().ToString('n'))"
    New-Item -ItemType Directory $script:Folder | Out-Null

    # New-MfaSession remembers sessions beside the credentials file: keep them in the test's folder.
    $script:SavedCredentialsFile = $env:AWS_SHARED_CREDENTIALS_FILE
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $script:Folder 'credentials'

    function ConvertTo-PlainText([securestring] $Secure) {
        [System.Net.NetworkCredential]::new('', $Secure).Password
    }
}

AfterAll {
    $env:AWS_SHARED_CREDENTIALS_FILE = $script:SavedCredentialsFile
    Stop-TestEndpoint $script:Endpoint
    Remove-Item -Recurse -Force $script:Folder
}

Describe 'New-IamVirtualMfaDevice' {
    Context 'Creating a device with its QR code' {
        BeforeAll {
            $script:QRCodePath = Join-Path $script:Folder 'carol.png'
            $script:Device = New-IamVirtualMfaDevice -UserName carol -QRCodePath $script:QRCodePath
            $script:Seed = ConvertTo-PlainText $script:Device.Base32StringSeed
        }

        It 'Returns the serial number of the new device' {
            $script:Device.SerialNumber | Should -Be 'arn:aws:iam::123456789012:mfa/carol'
        }

        It 'Emits an MfaEnforcement.VirtualMfaDevice' {
            $script:Device.PSObject.TypeNames[0] | Should -Be 'MfaEnforcement.VirtualMfaDevice'
        }

        It 'Holds the seed as a SecureString' {
            $script:Device.Base32StringSeed | Should -BeOfType [securestring]
        }

        It 'Gives an otpauth URI with the seed as its secret' {
            ConvertTo-PlainText $script:Device.OtpAuthUri | Should -BeLike "otpauth://totp/*secret=$($script:Seed)&*"
        }

        It 'Writes the PNG that IAM returned' {
            [System.IO.File]::ReadAllBytes($script:QRCodePath)[0..3] | Should -Be @(0x89, 0x50, 0x4E, 0x47)
        }

        It 'Makes the PNG readable by its owner only' -Skip:$IsWindows {
            [Convert]::ToString([int][System.IO.File]::GetUnixFileMode($script:QRCodePath), 8) | Should -Be '600'
        }

        It 'Records the PNG path on the object' {
            $script:Device.QRCodePath | Should -Be $script:QRCodePath
        }

        It 'Shows neither the seed nor the URI in its default view' {
            ($script:Device | Format-Table | Out-String) | Should -Not -Match $script:Seed
        }
    }

    It 'Draws the QR code in the terminal with -ShowQRCode' {
        $null = New-IamVirtualMfaDevice -UserName carol -DeviceName carol-drawn -ShowQRCode -InformationVariable drawn
        $drawn[0].MessageData.Message | Should -Match '█'
    }

    It 'Draws the QR code on the host like Write-Host does' {
        $null = New-IamVirtualMfaDevice -UserName carol -DeviceName carol-host -ShowQRCode -InformationVariable drawn
        $drawn[0].Tags | Should -Contain 'PSHOST'
    }

    It 'Names the device as asked with -DeviceName' {
        (New-IamVirtualMfaDevice -UserName carol -DeviceName carol-tablet).SerialNumber |
            Should -Be 'arn:aws:iam::123456789012:mfa/carol-tablet'
    }

    It 'Sends no CreateVirtualMFADevice request with -WhatIf' {
        Clear-EndpointRequest $script:Endpoint
        New-IamVirtualMfaDevice -UserName carol -DeviceName carol-whatif -WhatIf
        @(Get-EndpointRequest $script:Endpoint -Action CreateVirtualMFADevice).Count | Should -Be 0
    }

    It 'Reports a user that does not exist without creating a device' {
        Clear-EndpointRequest $script:Endpoint
        New-IamVirtualMfaDevice -UserName ghost -ErrorVariable failures -ErrorAction SilentlyContinue
        $created = @(Get-EndpointRequest $script:Endpoint -Action CreateVirtualMFADevice).Count
        ($failures[0].FullyQualifiedErrorId, $created) |
            Should -Be @('NewIamVirtualMfaDeviceNoSuchEntity,MfaEnforcement.Commands.NewIamVirtualMfaDeviceCommand', 0)
    }

    It 'Explains a device name that is taken' {
        New-IamVirtualMfaDevice -UserName carol -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId |
            Should -Be 'NewIamVirtualMfaDeviceEntityAlreadyExists,MfaEnforcement.Commands.NewIamVirtualMfaDeviceCommand'
    }

    It 'Refuses to replace an existing QR code file without -Force' {
        $path = Join-Path $script:Folder 'taken.png'
        Set-Content -Path $path -Value 'keep'
        New-IamVirtualMfaDevice -UserName carol -DeviceName carol-taken -QRCodePath $path -ErrorVariable failures `
            -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId |
            Should -Be 'NewIamVirtualMfaDeviceQRCodePathExists,MfaEnforcement.Commands.NewIamVirtualMfaDeviceCommand'
    }

    It 'Refuses a device name that IAM would refuse' {
        New-IamVirtualMfaDevice -UserName carol -DeviceName 'carol phone' -ErrorVariable failures `
            -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId |
            Should -Be 'NewIamVirtualMfaDeviceInvalidDeviceName,MfaEnforcement.Commands.NewIamVirtualMfaDeviceCommand'
    }

    Context 'A transcript of the whole device flow with -Verbose -Debug' {
        BeforeAll {
            $transcript = Join-Path $script:Folder 'transcript.txt'
            $secret = ConvertTo-SecureString 'dave-long-term-secret' -AsPlainText -Force
            $dave = [pscredential]::new('AKIADAVELONGTERM0001', $secret)
            $png = Join-Path $script:Folder 'dave.png'
            Start-Transcript -Path $transcript | Out-Null
            try {
                $device = New-IamVirtualMfaDevice -UserName dave -QRCodePath $png -Verbose -Debug
                $device | Out-Host
                $device | Format-List * | Out-Host
                $seed = ConvertTo-PlainText $device.Base32StringSeed
                Enable-IamMfaDevice -UserName dave -SerialNumber $device.SerialNumber -AuthenticationCode1 111111 `
                    -AuthenticationCode2 222222 -Verbose -Debug -ErrorVariable refused -ErrorAction SilentlyContinue
                $refused | Out-Host
                $codes = Get-TotpCode $seed -Pair
                Enable-IamMfaDevice -UserName dave -SerialNumber $device.SerialNumber `
                    -AuthenticationCode1 $codes[0] -AuthenticationCode2 $codes[1] -Verbose -Debug
                $session = New-MfaSession -Credential $dave -TokenCode (Get-TotpCode $seed) -Verbose -Debug
                $session | Out-Host
                $session | Format-List * | Out-Host
                New-MfaSession -Credential $dave -SetEnvironment -PassThru -Verbose -Debug | Out-Host
                Reset-IamMfaDevice -UserName dave -Confirm:$false -Verbose -Debug
            }
            finally {
                Stop-Transcript | Out-Null
                $env:AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'
                $env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
                Remove-Item Env:AWS_SESSION_TOKEN -ErrorAction SilentlyContinue
            }

            $script:Transcript = Get-Content -Raw $transcript
            $script:FlowSeed = $seed
            $script:SessionSecret = ConvertTo-PlainText $session.SecretAccessKey
            $script:SessionToken = ConvertTo-PlainText $session.SessionToken
        }

        It 'Records the whole flow, the refused codes included' {
            $script:Transcript | Should -Match 'two consecutive codes'
        }

        It 'Does not contain the seed' {
            $script:Transcript.Contains($script:FlowSeed) | Should -BeFalse
        }

        It 'Does not contain the session secret' {
            $script:Transcript.Contains($script:SessionSecret) | Should -BeFalse
        }

        It 'Does not contain the session token' {
            $script:Transcript.Contains($script:SessionToken) | Should -BeFalse
        }
    }
}
