BeforeAll {
    Import-Module (Join-Path $PSScriptRoot TestHelpers.psm1)
    Import-Module (Get-TestModulePath)
    . (Join-Path $PSScriptRoot '../bench/New-MfaAuditSeed.ps1')

    $enrollment = @('iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices',
        'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken')
    function New-Document([hashtable] $Statement) { @{ Version = '2012-10-17'; Statement = @($Statement) } }
    $enforce = New-Document @{ Sid = 'DenyWithoutMfa'; Effect = 'Deny'; NotAction = $enrollment; Resource = '*'
        Condition = @{ BoolIfExists = @{ 'aws:MultiFactorAuthPresent' = 'false' } } }
    $consoleOnly = New-Document @{ Sid = 'DenyConsoleWithoutMfa'; Effect = 'Deny'; NotAction = $enrollment
        Resource = '*'; Condition = @{ Bool = @{ 'aws:MultiFactorAuthPresent' = 'false' } } }
    $allowWithMfa = New-Document @{ Sid = 'AllowAllWithMfa'; Effect = 'Allow'; Action = '*'; Resource = '*'
        Condition = @{ Bool = @{ 'aws:MultiFactorAuthPresent' = 'true' } } }

    # Every case the audit must tell apart, as the xunit tests' fake account holds them too.
    $script:Seed = @{
        accountId = '123456789012'
        root      = @{ mfa = 'none' }
        policies  = @(
            @{ name = 'MfaEnforcement'; document = $enforce }
            @{ name = 'RequireMfa'; document = $allowWithMfa }
            @{ name = 'LegacyMfa'; document = $consoleOnly }
        )
        groups    = @(
            @{ name = 'Admins'; attachedPolicies = @('AdministratorAccess') }
            @{ name = 'Developers'; attachedPolicies = @('MfaEnforcement', 'ReadOnlyAccess') }
            @{ name = 'Readers'; attachedPolicies = @('ReadOnlyAccess') }
        )
        users     = @(
            @{ name = 'admin'; groups = @('Admins'); accessKeys = @(@{ id = 'AKIAADMIN0000000001' }) }
            @{ name = 'console-no-mfa'; loginProfile = $true; passwordLastUsed = '2025-05-30T08:15:42Z'
                groups = @('Readers') }
            @{ name = 'virtual-only'; loginProfile = $true; mfaDevices = @(@{ type = 'virtual'; name = 'phone' }) }
            @{ name = 'hardware-direct'; loginProfile = $true; attachedPolicies = @('MfaEnforcement')
                mfaDevices = @(@{ type = 'hardware'; serialNumber = 'GAHT12345678' }) }
            @{ name = 'security-key-group'; loginProfile = $true; groups = @('Developers')
                mfaDevices = @(@{ type = 'securityKey'; keyId = 'yubikey' }) }
            @{ name = 'several-devices-inline'; path = '/staff/'; loginProfile = $true
                inlinePolicies = @{ 'enforce-mfa' = $enforce }
                mfaDevices = @(@{ type = 'virtual'; name = 'phone2' }, @{ type = 'virtual'; name = 'tablet' }) }
            @{ name = 'pending-enrollment'; loginProfile = $true; groups = @('Developers', 'Readers') }
            @{ name = 'bypassed-by-admin'; loginProfile = $true; attachedPolicies = @('RequireMfa')
                groups = @('Admins'); mfaDevices = @(@{ type = 'virtual'; name = 'bypassed-phone' }) }
            @{ name = 'exempt-user'; loginProfile = $true; tags = @{ 'mfa-exempt' = 'true' }; groups = @('Developers') }
            @{ name = 'break-glass'; loginProfile = $true; tags = @{ 'break-glass' = 'true' } }
            @{ name = 'programmatic-only'; accessKeys = @(@{ id = 'AKIAPROGRAMMATIC0001' }) }
            @{ name = 'console-only-deny'; loginProfile = $true; attachedPolicies = @('LegacyMfa')
                mfaDevices = @(@{ type = 'virtual'; name = 'legacy-phone' }) }
        )
    }
    # At most five names, so that they are read one by one and compare with the account-wide audit.
    $script:CaseUsers = @('console-no-mfa', 'virtual-only', 'hardware-direct', 'security-key-group',
        'several-devices-inline')
    $script:MoreCaseUsers = @('pending-enrollment', 'bypassed-by-admin', 'exempt-user', 'programmatic-only',
        'console-only-deny')

    function ConvertTo-Comparable([object[]] $Status) {
        $Status | Sort-Object UserName | ConvertTo-Json -Depth 4 -Compress
    }
}

Describe 'Get-IamMfaStatus' {
    BeforeAll {
        $script:Endpoint = Start-TestEndpoint -Seed $script:Seed
        $script:All = @(Get-IamMfaStatus -IncludeRoot -EndpointUrl $Endpoint.Url)
        $script:Requests = @(Get-EndpointRequest $Endpoint)
        $script:ByName = @{}
        foreach ($status in $All) { $ByName[$status.UserName] = $status }
    }

    AfterAll {
        Stop-TestEndpoint $script:Endpoint
    }

    Context 'Account-wide audit' {
        It 'Emits one object per user plus the root row' {
            $All.Count | Should -Be 13
        }

        It 'Puts the root row first' {
            $All[0].UserName | Should -Be '<root_account>'
        }

        It 'Reports a console user without MFA as NoMfa' {
            $ByName['console-no-mfa'].Status | Should -Be 'NoMfa'
        }

        It 'Takes the last console sign-in from the credential report' {
            $ByName['console-no-mfa'].PasswordLastUsed | Should -Be ([datetime]'2025-05-30T08:15:42Z').ToUniversalTime()
        }

        It 'Reports a virtual device without enforcement as MfaNotEnforced' {
            $ByName['virtual-only'].Status | Should -Be 'MfaNotEnforced'
        }

        It 'Tells a virtual device by its serial number' {
            $ByName['virtual-only'].MfaDevices.Type | Should -Be 'Virtual'
        }

        It 'Reports a hardware device with a directly attached enforcement policy as Enforced' {
            $ByName['hardware-direct'].Status | Should -Be 'Enforced'
        }

        It 'Lists a hardware device' {
            $ByName['hardware-direct'].MfaDevices.Type | Should -Be 'Hardware'
        }

        It 'Names a directly attached enforcement policy in EnforcedBy' {
            "$($ByName['hardware-direct'].EnforcedBy)" | Should -Be 'MfaEnforcement (direct)'
        }

        It 'Reports a security key with enforcement through a group as Enforced' {
            $ByName['security-key-group'].Status | Should -Be 'Enforced'
        }

        It 'Lists a security key' {
            $ByName['security-key-group'].MfaDevices.Type | Should -Be 'SecurityKey'
        }

        It 'Names the group that enforces MFA in EnforcedBy' {
            "$($ByName['security-key-group'].EnforcedBy)" | Should -Be 'MfaEnforcement (group Developers)'
        }

        It 'Lists every device of a user with several' {
            $ByName['several-devices-inline'].MfaDevices.Count | Should -Be 2
        }

        It 'Names an inline enforcement policy in EnforcedBy' {
            "$($ByName['several-devices-inline'].EnforcedBy)" | Should -Be 'enforce-mfa (inline)'
        }

        It 'Reports an enforced console user without a device as PendingEnrollment' {
            $ByName['pending-enrollment'].Status | Should -Be 'PendingEnrollment'
        }

        It 'Reports an Allow-with-MFA bypassed by AdministratorAccess as MfaNotEnforced' {
            $ByName['bypassed-by-admin'].Status | Should -Be 'MfaNotEnforced'
        }

        It 'Gives no EnforcedBy for an Allow-with-MFA policy' {
            $ByName['bypassed-by-admin'].EnforcedBy | Should -BeNullOrEmpty
        }

        It 'Explains which policy bypasses the Allow-with-MFA' {
            $ByName['bypassed-by-admin'].Findings -join ' ' | Should -Match 'bypassed by policy AdministratorAccess'
        }

        It 'Reports a user with the exemption tag as Exempt' {
            $ByName['exempt-user'].Status | Should -Be 'Exempt'
        }

        It 'Reports a user without password or device as ProgrammaticOnly' {
            $ByName['programmatic-only'].Status | Should -Be 'ProgrammaticOnly'
        }

        It 'Counts active access keys' {
            $ByName['programmatic-only'].ActiveAccessKeys | Should -Be 1
        }

        It 'Does not count a deny under plain Bool as enforcement' {
            $ByName['console-only-deny'].Status | Should -Be 'MfaNotEnforced'
        }

        It 'Reports a root user without MFA as NoMfa' {
            $ByName['<root_account>'].Status | Should -Be 'NoMfa'
        }

        It 'Reads the whole account in a handful of requests' {
            $Requests.Count | Should -BeLessOrEqual 12
        }

        It 'Calls ListMFADevices only for users whose MFA is not a virtual device' {
            @($Requests | Where-Object action -eq 'ListMFADevices').Count | Should -Be 2
        }

        It 'Sends no per-user request besides ListMFADevices' {
            $Requests | Where-Object action -in 'GetUser', 'GetLoginProfile', 'ListAccessKeys' | Should -BeNullOrEmpty
        }
    }

    Context 'Named and piped users' {
        BeforeAll {
            Clear-EndpointRequest $Endpoint
            $script:Named = @(Get-IamMfaStatus -UserName $CaseUsers -EndpointUrl $Endpoint.Url)
            $script:NamedRequests = @(Get-EndpointRequest $Endpoint)
            $script:MoreNamed = @(Get-IamMfaStatus -UserName $MoreCaseUsers -EndpointUrl $Endpoint.Url)
        }

        It 'Reads a few named users one by one' {
            $NamedRequests | Where-Object action -eq 'GetAccountAuthorizationDetails' | Should -BeNullOrEmpty
        }

        It 'Gives the same objects as the account-wide audit' {
            $fromBulk = ConvertTo-Comparable ($All | Where-Object UserName -in $CaseUsers)
            ConvertTo-Comparable $Named | Should -Be $fromBulk
        }

        It 'Gives the same objects as the account-wide audit for the other cases too' {
            $fromBulk = ConvertTo-Comparable ($All | Where-Object UserName -in $MoreCaseUsers)
            ConvertTo-Comparable $MoreNamed | Should -Be $fromBulk
        }

        It 'Says in Verbose which path it chose and why' {
            $verbose = Get-IamMfaStatus virtual-only -EndpointUrl $Endpoint.Url -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            ($verbose.Message -join "`n") | Should -Match '1 user named, at most 5: reading each user'
        }

        It 'Names each request in Verbose' {
            $verbose = Get-IamMfaStatus virtual-only -EndpointUrl $Endpoint.Url -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            ($verbose.Message -join "`n") | Should -Match "Calling GetLoginProfile for 'virtual-only'"
        }

        It 'Audits the users that Get-IamUser pipes' {
            $status = Get-IamUser -UserName virtual-only -EndpointUrl $Endpoint.Url |
                Get-IamMfaStatus -EndpointUrl $Endpoint.Url
            $status.Status | Should -Be 'MfaNotEnforced'
        }

        It 'Audits the members of a group piped through Get-IamUser' {
            $statuses = Get-IamGroup Developers -EndpointUrl $Endpoint.Url | Get-IamUser -EndpointUrl $Endpoint.Url |
                Get-IamMfaStatus -EndpointUrl $Endpoint.Url
            @($statuses.UserName | Sort-Object) |
                Should -Be @('exempt-user', 'pending-enrollment', 'security-key-group')
        }

        It 'Binds any object with a UserName property, as AWS Tools emits' {
            $status = [pscustomobject]@{ UserName = 'hardware-direct'; Arn = 'x' } |
                Get-IamMfaStatus -EndpointUrl $Endpoint.Url
            $status.Status | Should -Be 'Enforced'
        }

        It 'Selects users by wildcard' {
            @((Get-IamMfaStatus 'console*' -EndpointUrl $Endpoint.Url).UserName) |
                Should -Be @('console-no-mfa', 'console-only-deny')
        }

        It 'Audits no one when the pipeline brings no user' {
            @() | Get-IamMfaStatus -EndpointUrl $Endpoint.Url | Should -BeNullOrEmpty
        }

        It 'Takes another exemption tag key' {
            (Get-IamMfaStatus break-glass -ExemptionTagKey break-glass -EndpointUrl $Endpoint.Url).Status |
                Should -Be 'Exempt'
        }
    }

    Context 'Errors' {
        It 'Writes a non-terminating NoSuchEntity error for a user that does not exist' {
            Get-IamMfaStatus no-such-user, virtual-only -EndpointUrl $Endpoint.Url -ErrorVariable problems `
                -ErrorAction SilentlyContinue | Out-Null
            $problems[0].FullyQualifiedErrorId |
                Should -Be 'GetIamMfaStatusNoSuchEntity,MfaEnforcement.Commands.GetIamMfaStatusCommand'
        }

        It 'Still audits the other users after a missing one' {
            $statuses = Get-IamMfaStatus no-such-user, virtual-only -EndpointUrl $Endpoint.Url `
                -ErrorAction SilentlyContinue
            $statuses.UserName | Should -Be 'virtual-only'
        }

        It 'Reports a missing user the same way when the account is read in bulk' {
            $names = @('no-such-user') + $CaseUsers + @('pending-enrollment')
            Get-IamMfaStatus $names -EndpointUrl $Endpoint.Url -ErrorVariable problems -ErrorAction SilentlyContinue |
                Out-Null
            $problems[0].FullyQualifiedErrorId |
                Should -Be 'GetIamMfaStatusNoSuchEntity,MfaEnforcement.Commands.GetIamMfaStatusCommand'
        }

        It 'Refuses a name IAM would not accept' {
            Get-IamMfaStatus 'bad/name' -EndpointUrl $Endpoint.Url -ErrorVariable problems `
                -ErrorAction SilentlyContinue | Out-Null
            $problems[0].FullyQualifiedErrorId |
                Should -Be 'GetIamMfaStatusInvalidUserName,MfaEnforcement.Commands.GetIamMfaStatusCommand'
        }

        It 'Ends with a terminating error when IAM cannot be reached' {
            $id = 'GetIamMfaStatusEndpointUnreachable,MfaEnforcement.Commands.GetIamMfaStatusCommand'
            { Get-IamMfaStatus -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } | Should -Throw -ErrorId $id
        }
    }

    Context 'Formatting' {
        It 'Fits the default table in 120 columns' {
            $lines = ($All | Format-Table | Out-String -Width 250) -split "`n"
            ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
        }

        It 'Shows the reason with Format-List' {
            ($ByName['pending-enrollment'] | Format-List | Out-String) | Should -Match 'Reason\s+: MFA is enforced by'
        }
    }
}

Describe 'Get-IamMfaStatus -IncludeRoot with a root MFA device' {
    BeforeAll {
        $rootSeed = @{ root = @{ mfa = 'virtual' }; users = @(@{ name = 'alice'; loginProfile = $true }) }
        $script:VirtualRoot = Start-TestEndpoint -Seed $rootSeed
        $script:RootRow = Get-IamMfaStatus -IncludeRoot -EndpointUrl $VirtualRoot.Url | Select-Object -First 1
        $rootSeed.root = @{ mfa = 'hardware'; mfaSerialNumber = 'GAHT00000042' }
        $script:HardwareRoot = Start-TestEndpoint -Seed $rootSeed
        $script:HardwareRow = Get-IamMfaStatus alice -IncludeRoot -EndpointUrl $HardwareRoot.Url |
            Select-Object -First 1
    }

    AfterAll {
        Stop-TestEndpoint $script:VirtualRoot
        Stop-TestEndpoint $script:HardwareRoot
    }

    It 'Reports a root user with a virtual device as Enforced' {
        $RootRow.Status | Should -Be 'Enforced'
    }

    It 'Tells that the root device is virtual' {
        $RootRow.MfaDevices.Type | Should -Be 'Virtual'
    }

    It 'Reports a root user with another device as Enforced with a hardware device' {
        $HardwareRow.MfaDevices.Type | Should -Be 'Hardware'
    }
}

Describe 'Get-IamMfaStatus under throttling' {
    BeforeAll {
        $generated = New-MfaAuditSeed -UserCount 1000
        $script:Calm = Start-TestEndpoint -Seed $generated
        $script:Throttled = Start-TestEndpoint -Seed $generated -ThrottleRate 0.3 -RandomSeed 7
        $script:CalmResult = @(Get-IamMfaStatus -IncludeRoot -EndpointUrl $Calm.Url)
        $script:ThrottledResult = @(Get-IamMfaStatus -IncludeRoot -EndpointUrl $Throttled.Url)
        $script:Throttles = @(Get-EndpointRequest $Throttled | Where-Object errorCode -eq 'Throttling')
    }

    AfterAll {
        Stop-TestEndpoint $script:Calm
        Stop-TestEndpoint $script:Throttled
    }

    It 'Audits all 1,000 users' {
        $CalmResult.Count | Should -Be 1001
    }

    It 'Was throttled' {
        $Throttles.Count | Should -BeGreaterThan 0
    }

    It 'Returns exactly the same objects with a throttle rate of 0.3 as without' {
        ConvertTo-Comparable $ThrottledResult | Should -Be (ConvertTo-Comparable $CalmResult)
    }
}
