BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:ErinSeed = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
    $script:ErinKey = 'AKIAERINLONGTERM0001'
    $script:ErinSerial = 'arn:aws:iam::123456789012:mfa/erin-phone'
    $script:BobSerial = 'arn:aws:iam::123456789012:mfa/bob-phone'
    $seed = @{
        users = @(
            @{ name = 'admin'; accessKeys = @(@{ id = 'AKIAIOSFODNN7EXAMPLE' }) }
            @{
                name = 'erin'; loginProfile = $true
                accessKeys = @(@{ id = $script:ErinKey; secret = 'erin-long-term-secret' })
                mfaDevices = @(@{ type = 'virtual'; name = 'erin-phone'; seed = $script:ErinSeed })
            }
            @{
                name = 'bob'; loginProfile = $true
                mfaDevices = @(@{ type = 'virtual'; name = 'bob-phone'; seed = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU' })
            }
        )
    }
    $script:Endpoint = Start-TestEndpoint -Seed $seed

    # This process's AWS SDK may have read the credentials file's location already, so everything that needs the
    # SDK to read a new credentials file runs in a child process; the module's own files follow the variable.
    $script:Folder = Join-Path ([System.IO.Path]::GetTempPath()) "mfa-session-$([guid]::NewGuid().ToString('n'))"
    New-Item -ItemType Directory $script:Folder | Out-Null
    $script:SavedCredentialsFile = $env:AWS_SHARED_CREDENTIALS_FILE
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $script:Folder 'credentials'
    Set-Content -Path $env:AWS_SHARED_CREDENTIALS_FILE `
        -Value "[ci]`naws_access_key_id = AKIACI`naws_secret_access_key = s`n"

    $secret = ConvertTo-SecureString 'erin-long-term-secret' -AsPlainText -Force
    $script:Erin = [pscredential]::new($script:ErinKey, $secret)

    function Get-ErinCode {
        Get-TotpCode $script:ErinSeed
    }
}

AfterAll {
    $env:AWS_SHARED_CREDENTIALS_FILE = $script:SavedCredentialsFile
    Stop-TestEndpoint $script:Endpoint
    Remove-Item -Recurse -Force $script:Folder
}

Describe 'New-MfaSession' {
    Context 'Saving the session as a profile' {
        BeforeAll {
            $folder = Join-Path $script:Folder 'profile'
            New-Item -ItemType Directory $folder | Out-Null
            $script:CredentialsPath = Join-Path $folder 'credentials'
            $script:Original = "# Keys for the team's accounts`n" +
                "[default]`naws_access_key_id = AKIADEFAULT`naws_secret_access_key=default-secret   `n`n" +
                "; erin's long-term key, the source of her MFA sessions`n" +
                "[erin]`naws_access_key_id = $($script:ErinKey)`naws_secret_access_key = erin-long-term-secret`n" +
                "region = us-east-1`n`n" +
                "[  audit  ]`n`taws_access_key_id = AKIAAUDIT`naws_secret_access_key = audit-secret`n"
            [System.IO.File]::WriteAllText($script:CredentialsPath, $script:Original)
            if (-not $IsWindows) {
                [System.IO.File]::SetUnixFileMode($script:CredentialsPath, 'UserRead, UserWrite, GroupRead, OtherRead')
            }

            Clear-EndpointRequest $script:Endpoint
            $child = @"
`$ErrorActionPreference = 'Stop'
`$env:AWS_SHARED_CREDENTIALS_FILE = '$($script:CredentialsPath)'
`$env:AWS_CONFIG_FILE = '$(Join-Path $folder 'config')'
Import-Module '$(Get-TestModulePath)'
New-MfaSession -ProfileName erin -TokenCode '$(Get-ErinCode)' -SaveAsProfile mfa
`$null = Get-IamUser -ProfileName mfa -UserName erin
New-MfaSession -ProfileName erin -SaveAsProfile mfa -PassThru | ForEach-Object { "Reused=`$(`$_.Reused)" }
"@
            $script:ChildOutput = @(Invoke-ChildPwsh $child)
            $script:Saved = [System.IO.File]::ReadAllBytes($script:CredentialsPath)
            $script:SavedText = [System.Text.Encoding]::UTF8.GetString($script:Saved)
            $script:SessionKey = if ($script:SavedText -match '(?m)^aws_access_key_id = (ASIA\w+)') { $Matches[1] }
            $script:Requests = @(Get-EndpointRequest $script:Endpoint)
        }

        It 'Runs without errors' {
            $script:ChildOutput | Should -Be 'Reused=True'
        }

        It 'Keeps every byte of the file before the new profile' {
            $prefix = [System.Text.Encoding]::UTF8.GetBytes($script:Original)
            [System.Linq.Enumerable]::SequenceEqual([byte[]]$script:Saved[0..($prefix.Length - 1)], $prefix) |
                Should -BeTrue
        }

        It 'Appends the session as the profile [mfa]' {
            $script:SavedText.Substring($script:Original.Length) | Should -Match '^\n\[mfa\]\naws_access_key_id = ASIA'
        }

        It 'Writes the session token' {
            $script:SavedText | Should -Match '(?m)^aws_session_token = \S{40,}$'
        }

        It 'Leaves the file readable and writable by its owner only' -Skip:$IsWindows {
            [Convert]::ToString([int][System.IO.File]::GetUnixFileMode($script:CredentialsPath), 8) | Should -Be '600'
        }

        It 'Gets the session with the long-term key of the source profile' {
            ($script:Requests | Where-Object action -eq GetSessionToken).accessKeyId | Should -Be $script:ErinKey
        }

        It 'Signs the following Get-IamUser -ProfileName mfa with the session key' {
            ($script:Requests | Where-Object action -eq GetUser).accessKeyId | Should -Be $script:SessionKey
        }

        It 'Reuses the saved session without asking STS again' {
            @($script:Requests | Where-Object action -eq GetSessionToken).Count | Should -Be 1
        }
    }

    Context 'A credentials file that does not exist yet' {
        BeforeAll {
            $folder = Join-Path $script:Folder 'new-file'
            New-Item -ItemType Directory $folder | Out-Null
            $path = Join-Path $folder 'credentials'
            Clear-EndpointRequest $script:Endpoint
            # The first lookup makes the SDK settle the file's location while the file is still missing.
            $child = @"
`$env:AWS_SHARED_CREDENTIALS_FILE = '$path'
Import-Module '$(Get-TestModulePath)'
try { Get-IamUser -ProfileName mfa -UserName erin } catch { "before=`$(`$_.FullyQualifiedErrorId)" }
`$secret = ConvertTo-SecureString 'erin-long-term-secret' -AsPlainText -Force
`$erin = [pscredential]::new('$($script:ErinKey)', `$secret)
New-MfaSession -Credential `$erin -TokenCode '$(Get-ErinCode)' -SaveAsProfile mfa -Force
"after=`$((Get-IamUser -ProfileName mfa -UserName erin).UserName)"
"@
            $script:NewFileOutput = @(Invoke-ChildPwsh $child)
            $script:NewFileRequests = @(Get-EndpointRequest $script:Endpoint -Action GetUser)
        }

        It 'Says the profile is missing before the session is saved' {
            $script:NewFileOutput[0] |
                Should -Be 'before=GetIamUserProfileNotFound,MfaEnforcement.Commands.GetIamUserCommand'
        }

        It 'Finds the profile in the file New-MfaSession created, in the same session' {
            $script:NewFileOutput[1] | Should -Be 'after=erin'
        }

        It 'Signs with the session key from that file' {
            @($script:NewFileRequests.accessKeyId) | Should -Match '^ASIA'
        }
    }

    Context 'Emitting the credentials object' {
        BeforeAll {
            Clear-EndpointRequest $script:Endpoint
            $script:First = New-MfaSession -Credential $script:Erin -TokenCode (Get-ErinCode)
            $script:Second = New-MfaSession -Credential $script:Erin
            $script:TokenRequests = @(Get-EndpointRequest $script:Endpoint -Action GetSessionToken)
        }

        It 'Emits an MfaEnforcement.MfaSession' {
            $script:First.PSObject.TypeNames[0] | Should -Be 'MfaEnforcement.MfaSession'
        }

        It 'Returns a temporary access key' {
            $script:First.AccessKeyId | Should -Match '^ASIA'
        }

        It 'Holds the secret access key as a SecureString' {
            $script:First.SecretAccessKey | Should -BeOfType [securestring]
        }

        It "Finds the serial number among the caller's own devices" {
            $script:TokenRequests[0].parameters.SerialNumber | Should -Be $script:ErinSerial
        }

        It 'Asks for 43,200 seconds by default' {
            $script:First.Expiration | Should -BeGreaterThan ([datetime]::UtcNow.AddHours(11.9))
        }

        It 'Reuses a session valid for more than 15 minutes instead of asking for a code' {
            ($script:Second.AccessKeyId, $script:Second.Reused, $script:TokenRequests.Count) |
                Should -Be @($script:First.AccessKeyId, $true, 1)
        }

        It 'Asks for a new session with -Force' {
            (New-MfaSession -Credential $script:Erin -TokenCode (Get-ErinCode) -Force).AccessKeyId |
                Should -Not -Be $script:First.AccessKeyId
        }

        It 'Keeps the cache of sessions readable by its owner only' -Skip:$IsWindows {
            $cache = Join-Path $script:Folder 'mfaenforcement/sessions.json'
            [Convert]::ToString([int][System.IO.File]::GetUnixFileMode($cache), 8) | Should -Be '600'
        }
    }

    Context 'Setting the environment' {
        BeforeAll {
            $script:SavedKeys = @($env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY, $env:AWS_SESSION_TOKEN)
            New-MfaSession -Credential $script:Erin -TokenCode (Get-ErinCode) -Force -SetEnvironment
            $script:Environment = @($env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY, $env:AWS_SESSION_TOKEN)
            Clear-EndpointRequest $script:Endpoint
            $null = Get-IamUser -UserName erin
            $script:Signer = (Get-EndpointRequest $script:Endpoint -Action GetUser).accessKeyId
        }

        AfterAll {
            $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY, $env:AWS_SESSION_TOKEN = $script:SavedKeys
        }

        It 'Sets AWS_ACCESS_KEY_ID to the session key' {
            $script:Environment[0] | Should -Match '^ASIA'
        }

        It 'Sets AWS_SESSION_TOKEN' {
            $script:Environment[2] | Should -Not -BeNullOrEmpty
        }

        It 'Makes the following commands sign with the session key' {
            $script:Signer | Should -Be $script:Environment[0]
        }

        It 'Explains that a session cannot ask for another session' {
            Get-FailureId { New-MfaSession -TokenCode (Get-ErinCode) -Force } |
                Should -Be 'NewMfaSessionSourceIsSession,MfaEnforcement.Commands.NewMfaSessionCommand'
        }
    }

    Context 'Bad input' {
        It 'Refuses a five-digit code' {
            Get-FailureId { New-MfaSession -Credential $script:Erin -TokenCode 12345 -Force } |
                Should -Be 'NewMfaSessionInvalidCodeFormat,MfaEnforcement.Commands.NewMfaSessionCommand'
        }

        It 'Refuses a code with letters' {
            Get-FailureId { New-MfaSession -Credential $script:Erin -TokenCode 12a456 -Force } |
                Should -Be 'NewMfaSessionInvalidCodeFormat,MfaEnforcement.Commands.NewMfaSessionCommand'
        }

        It 'Refuses a duration under 900 seconds' {
            Get-FailureId { New-MfaSession -Credential $script:Erin -TokenCode 123456 -DurationSeconds 899 } |
                Should -Be 'NewMfaSessionInvalidDurationSeconds,MfaEnforcement.Commands.NewMfaSessionCommand'
        }

        It 'Refuses a duration over 129,600 seconds' {
            Get-FailureId { New-MfaSession -Credential $script:Erin -TokenCode 123456 -DurationSeconds 129601 } |
                Should -Be 'NewMfaSessionInvalidDurationSeconds,MfaEnforcement.Commands.NewMfaSessionCommand'
        }

        It "Refuses another user's serial number" {
            $bobs = { New-MfaSession -Credential $script:Erin -TokenCode 123456 -SerialNumber $script:BobSerial }
            Get-FailureId $bobs |
                Should -Be 'NewMfaSessionSerialNumberNotOwned,MfaEnforcement.Commands.NewMfaSessionCommand'
        }

        It 'Explains a code that STS refuses' {
            Get-FailureId { New-MfaSession -Credential $script:Erin -TokenCode 000000 -Force } |
                Should -Be 'NewMfaSessionTokenCodeRejected,MfaEnforcement.Commands.NewMfaSessionCommand'
        }

        It 'Asks for a code when there is no session to reuse' {
            Get-FailureId { New-MfaSession -Credential $script:Erin -Force } |
                Should -Be 'NewMfaSessionTokenCodeRequired,MfaEnforcement.Commands.NewMfaSessionCommand'
        }

        It 'Refuses to save over a profile that holds a long-term key' {
            Get-FailureId { New-MfaSession -Credential $script:Erin -TokenCode 123456 -SaveAsProfile ci } |
                Should -Be 'NewMfaSessionProfileHoldsLongTermKey,MfaEnforcement.Commands.NewMfaSessionCommand'
        }

        It 'Refuses to save over its own source profile' {
            Get-FailureId { New-MfaSession -ProfileName ci -TokenCode 123456 -SaveAsProfile ci } |
                Should -Be 'NewMfaSessionSameProfile,MfaEnforcement.Commands.NewMfaSessionCommand'
        }
    }
}
