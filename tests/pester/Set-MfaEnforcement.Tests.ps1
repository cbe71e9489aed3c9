BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:PolicyArn = 'arn:aws:iam::123456789012:policy/MfaEnforcement'
    $script:Writes = 'CreatePolicy', 'CreateGroup', 'AttachUserPolicy', 'AttachGroupPolicy', 'AddUserToGroup',
        'DetachUserPolicy', 'DetachGroupPolicy', 'RemoveUserFromGroup', 'CreatePolicyVersion'
    $script:SetCommand = 'MfaEnforcement.Commands.SetMfaEnforcementCommand'

    # The caller of the tests' access key is the seed's user 'admin'; with a device unless a test says otherwise.
    function New-Seed {
        param([int] $Count = 10, [switch] $CallerWithoutMfa, [hashtable[]] $More = @(), [hashtable[]] $Groups = @(),
            [hashtable[]] $Policies = @())
        $admin = @{ name = 'admin'; groups = @('Admins') }
        if (-not $CallerWithoutMfa) { $admin.mfaDevices = @(@{ type = 'virtual'; name = 'admin-phone' }) }
        $users = @($admin) + @(foreach ($i in 1..$Count) {
                $user = @{ name = 'user{0:d4}' -f $i; path = '/staff/' }
                if ($i % 3 -eq 0) { $user.loginProfile = $true }
                $user
            }) + $More
        @{ users = $users; groups = @(@{ name = 'Admins' }) + $Groups; policies = $Policies }
    }

    function Get-WriteRequest([Parameter(Mandatory)] $Endpoint) {
        @(Get-EndpointRequest $Endpoint -Action $script:Writes)
    }
}

Describe 'Set-MfaEnforcement' {
    Context 'The one-liner on a fresh account' {
        BeforeAll {
            $more = @(@{ name = 'breakglass'; loginProfile = $true; tags = @{ 'mfa-exempt' = 'true' } })
            $script:Endpoint = Start-TestEndpoint -Seed (New-Seed -More $more)
            Get-IamUser |
                Set-MfaEnforcement -Confirm:$false -WarningVariable script:Warnings -WarningAction SilentlyContinue
            $script:Attached = @(Get-EndpointRequest $script:Endpoint -Action AttachUserPolicy |
                    Where-Object status -EQ 200 | ForEach-Object { $_.parameters.UserName } | Sort-Object)
        }

        AfterAll {
            Stop-TestEndpoint $script:Endpoint
        }

        It 'Creates the default policy MfaEnforcement' {
            (Get-EndpointRequest $script:Endpoint -Action CreatePolicy).parameters.PolicyName |
                Should -Be 'MfaEnforcement'
        }

        It 'Attaches it to every user but the exempt one' {
            $script:Attached | Should -Be (@('admin') + @(1..10 | ForEach-Object { 'user{0:d4}' -f $_ }))
        }

        It 'Warns that the exempt user was skipped' {
            ($script:Warnings -join "`n") | Should -Match "mfa-exempt=true.*breakglass"
        }

        It 'Lists the console users without MFA in one warning' {
            @($script:Warnings | Where-Object { $_ -match 'console without an MFA device' }).Count | Should -Be 1
        }

        It 'Warns the caller about signing with a long-term access key' {
            $script:Warnings -match 'AKIAIOSFODNN7EXAMPLE' -match 'New-MfaSession' | Should -Not -BeNullOrEmpty
        }

        It 'Leaves no user with the status NoMfa' {
            @(Get-IamMfaStatus | Where-Object Status -EQ NoMfa) | Should -BeNullOrEmpty
        }

        It 'Makes Test-MfaEnforcement say Enforced for each target' {
            $verdicts = @(Test-MfaEnforcement -UserName admin, user0001, user0003 |
                    Where-Object { $_.PSObject.TypeNames[0] -eq 'MfaEnforcement.MfaEnforcementVerdict' })
            $verdicts.Verdict | Should -Be @('Enforced', 'Enforced', 'Enforced')
        }

        It 'Sends no write when run again' {
            Clear-EndpointRequest $script:Endpoint
            Get-IamUser | Set-MfaEnforcement -Confirm:$false -WarningAction SilentlyContinue
            Get-WriteRequest $script:Endpoint | Should -BeNullOrEmpty
        }

        It 'Says in -Verbose that a user already has the policy' {
            $verbose = Set-MfaEnforcement -UserName user0001 -Verbose 4>&1 | Out-String
            $verbose | Should -Match "User 'user0001' already has the policy"
        }
    }

    Context '1,000 piped users' {
        BeforeAll {
            $script:Endpoint = Start-TestEndpoint -Seed (New-Seed -Count 1000)
            $script:Users = @(Get-IamUser -Path /staff/)
            Clear-EndpointRequest $script:Endpoint
            $script:Users | Set-MfaEnforcement -Confirm:$false -WarningAction SilentlyContinue
            $script:First = Get-WriteRequest $script:Endpoint
            Clear-EndpointRequest $script:Endpoint
            $script:Users | Set-MfaEnforcement -Confirm:$false -WarningAction SilentlyContinue
            $script:Second = Get-WriteRequest $script:Endpoint
            $script:SecondReads = @(Get-EndpointRequest $script:Endpoint | ForEach-Object action | Sort-Object)
        }

        AfterAll {
            Stop-TestEndpoint $script:Endpoint
        }

        It 'Sends exactly 1,000 AttachUserPolicy requests' {
            @($script:First | Where-Object action -EQ AttachUserPolicy).Count | Should -Be 1000
        }

        It 'Attaches to each user once' {
            @($script:First | Where-Object action -EQ AttachUserPolicy |
                    ForEach-Object { $_.parameters.UserName } | Sort-Object -Unique).Count | Should -Be 1000
        }

        It 'Sends no mutating request on the second run' {
            $script:Second | Should -BeNullOrEmpty
        }

        It 'Reads the 1,000 users in bulk on the second run, not one by one' {
            $script:SecondReads |
                Should -Be @('GetAccountAuthorizationDetails', 'GetAccountAuthorizationDetails', 'GetCallerIdentity',
                    'GetPolicy')
        }
    }

    Context 'Choosing the targets and the policy' {
        BeforeAll {
            $groups = @(@{ name = 'Developers' })
            $more = @(@{ name = 'dev1'; groups = @('Developers') }, @{ name = 'dev2'; groups = @('Developers') })
            $script:Endpoint = Start-TestEndpoint -Seed (New-Seed -Count 3 -More $more -Groups $groups)
        }

        AfterAll {
            Stop-TestEndpoint $script:Endpoint
        }

        BeforeEach {
            Reset-TestEndpoint $script:Endpoint
        }

        It 'Sends no mutating request with -WhatIf' {
            Get-IamUser | Set-MfaEnforcement -WhatIf -WarningAction SilentlyContinue
            Get-WriteRequest $script:Endpoint | Should -BeNullOrEmpty
        }

        It 'Says with -WhatIf exactly what would change' {
            $output = Invoke-ChildPwsh ("Import-Module '$(Get-TestModulePath)'; " +
                'Set-MfaEnforcement -UserName user0001 -WhatIf -WarningAction SilentlyContinue') | Out-String
            $output | Should -Match ([regex]::Escape(
                    "Attach the MFA enforcement policy '$script:PolicyArn'"" on target ""user 'user0001'"))
        }

        It 'Attaches the policy to a piped group, not to its members' {
            Get-IamGroup Developers | Set-MfaEnforcement -Confirm:$false -WarningAction SilentlyContinue
            (Get-WriteRequest $script:Endpoint).action | Should -Be @('CreatePolicy', 'AttachGroupPolicy')
        }

        It 'Takes user ARNs from the pipeline' {
            [pscustomobject]@{ Arn = 'arn:aws:iam::123456789012:user/staff/user0002' } |
                Set-MfaEnforcement -Confirm:$false -WarningAction SilentlyContinue
            (Get-EndpointRequest $script:Endpoint -Action AttachUserPolicy).parameters.UserName | Should -Be 'user0002'
        }

        It 'Adds users to -ViaGroup, creating it and attaching the policy to it' {
            'user0001', 'user0002' |
                Set-MfaEnforcement -ViaGroup MfaUsers -Confirm:$false -WarningAction SilentlyContinue
            (Get-WriteRequest $script:Endpoint).action |
                Should -Be @('CreatePolicy', 'CreateGroup', 'AttachGroupPolicy', 'AddUserToGroup', 'AddUserToGroup')
        }

        It 'Sends no write for users already in -ViaGroup' {
            'user0001' | Set-MfaEnforcement -ViaGroup MfaUsers -Confirm:$false -WarningAction SilentlyContinue
            Clear-EndpointRequest $script:Endpoint
            'user0001' | Set-MfaEnforcement -ViaGroup MfaUsers -Confirm:$false -WarningAction SilentlyContinue
            Get-WriteRequest $script:Endpoint | Should -BeNullOrEmpty
        }

        It 'Emits the updated MfaStatus with -PassThru' {
            $status = Set-MfaEnforcement -UserName user0003 -PassThru -Confirm:$false -WarningAction SilentlyContinue
            ($status.PSObject.TypeNames[0], $status.UserName, "$($status.Status)") |
                Should -Be @('MfaEnforcement.MfaStatus', 'user0003', 'PendingEnrollment')
        }

        It 'Emits the MfaStatus of the members of a piped group with -PassThru' {
            @(Get-IamGroup Developers | Set-MfaEnforcement -PassThru -Confirm:$false).UserName | Sort-Object |
                Should -Be @('dev1', 'dev2')
        }

        It 'Emits nothing with -PassThru and -WhatIf' {
            Set-MfaEnforcement -UserName user0003 -PassThru -WhatIf -WarningAction SilentlyContinue |
                Should -BeNullOrEmpty
        }

        It 'Refuses a named policy that does not exist' {
            { Set-MfaEnforcement -UserName user0001 -PolicyName Missing -Confirm:$false } |
                Should -Throw -ErrorId "SetMfaEnforcementNoSuchEntity,$script:SetCommand"
        }

        It 'Refuses the ARN of a role' {
            Set-MfaEnforcement -Arn 'arn:aws:iam::123456789012:role/Deploy' -ErrorVariable failures `
                -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be "SetMfaEnforcementInvalidArn,$script:SetCommand"
        }
    }

    Context 'The caller among the targets without an MFA device' {
        BeforeAll {
            $script:Endpoint = Start-TestEndpoint -Seed (New-Seed -Count 3 -CallerWithoutMfa)
        }

        AfterAll {
            Stop-TestEndpoint $script:Endpoint
        }

        BeforeEach {
            Reset-TestEndpoint $script:Endpoint
        }

        It 'Stops with SetMfaEnforcementCallerWouldBeLockedOut' {
            { Get-IamUser | Set-MfaEnforcement -Confirm:$false -WarningAction SilentlyContinue } |
                Should -Throw -ErrorId "SetMfaEnforcementCallerWouldBeLockedOut,$script:SetCommand"
        }

        It 'Changes nothing when it stops' {
            try { Get-IamUser | Set-MfaEnforcement -Confirm:$false -WarningAction SilentlyContinue } catch { }
            Get-WriteRequest $script:Endpoint | Should -BeNullOrEmpty
        }

        It 'Sees the caller as a member of a piped group' {
            { Set-MfaEnforcement -GroupName Admins -Confirm:$false -WarningAction SilentlyContinue } |
                Should -Throw -ErrorId "SetMfaEnforcementCallerWouldBeLockedOut,$script:SetCommand"
        }

        It 'Applies it with -Force' {
            Get-IamUser | Set-MfaEnforcement -Force -Confirm:$false -WarningAction SilentlyContinue
            @(Get-EndpointRequest $script:Endpoint -Action AttachUserPolicy).Count | Should -Be 4
        }
    }

    Context 'Five targets that fail' {
        BeforeAll {
            $policies = @(1..10 | ForEach-Object {
                    @{ name = "Extra$_"; document = @{ Version = '2012-10-17'
                            Statement = @(@{ Effect = 'Allow'; Action = 's3:ListBucket'; Resource = '*' }) } } })
            $more = @(@{ name = 'full'; attachedPolicies = @(1..10 | ForEach-Object { "Extra$_" }) })
            $script:Endpoint = Start-TestEndpoint -Seed (New-Seed -Count 4 -More $more -Policies $policies)
            'user0001', 'ghost1', 'user0002', 'ghost2', 'full', 'ghost3', 'user0003', 'ghost4', 'user0004' |
                Set-MfaEnforcement -Confirm:$false -ErrorVariable script:Failures -ErrorAction SilentlyContinue `
                    -WarningAction SilentlyContinue
        }

        AfterAll {
            Stop-TestEndpoint $script:Endpoint
        }

        It 'Applies the others' {
            @(Get-EndpointRequest $script:Endpoint -Action AttachUserPolicy | Where-Object status -EQ 200 |
                    ForEach-Object { $_.parameters.UserName } | Sort-Object) |
                Should -Be @('user0001', 'user0002', 'user0003', 'user0004')
        }

        It 'Writes one error for each failing target, naming it' {
            @($script:Failures.TargetObject | Sort-Object) |
                Should -Be @('full', 'ghost1', 'ghost2', 'ghost3', 'ghost4')
        }

        It 'Names the user in each message' {
            $script:Failures | ForEach-Object { $_.ToString() | Should -Match "^User '$($_.TargetObject)'" }
        }

        It 'Reports a missing user as SetMfaEnforcementNoSuchEntity' {
            $errorId = "SetMfaEnforcementNoSuchEntity,$script:SetCommand"
            @($script:Failures | Where-Object FullyQualifiedErrorId -EQ $errorId).Count |
                Should -Be 4
        }

        It 'Reports the 10-policy quota as SetMfaEnforcementLimitExceeded and says what to do' {
            $quota = $script:Failures | Where-Object TargetObject -EQ full
            ($quota.FullyQualifiedErrorId, ($quota.ToString() -match '-ViaGroup')) |
                Should -Be @("SetMfaEnforcementLimitExceeded,$script:SetCommand", $true)
        }
    }

    Context 'Throttling and server faults' {
        BeforeAll {
            $script:Endpoint = Start-TestEndpoint -Seed (New-Seed -Count 100) -ThrottleRate 0.2 -FaultRate 0.05 `
                -RandomSeed 7
            $script:Names = @(1..100 | ForEach-Object { 'user{0:d4}' -f $_ })
            $script:Names | Set-MfaEnforcement -Confirm:$false -ErrorVariable script:Failures `
                -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $script:Enforced = @(Get-EndpointRequest $script:Endpoint -Action AttachUserPolicy |
                    Where-Object status -EQ 200 | ForEach-Object { $_.parameters.UserName })
        }

        AfterAll {
            Stop-TestEndpoint $script:Endpoint
        }

        It 'Leaves every target enforced or named in an error' {
            @(@($script:Enforced) + @($script:Failures.TargetObject) | Sort-Object -Unique) | Should -Be $script:Names
        }

        It 'Converges to every target enforced on reruns' {
            foreach ($run in 1..3) {
                $script:Names | Set-MfaEnforcement -Confirm:$false -ErrorVariable rerunFailures `
                    -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
                if (-not $rerunFailures) { break }
            }
            $attached = @(Get-EndpointAttachment $script:Endpoint |
                Where-Object { $_ -like "user/*=$script:PolicyArn" })
            $attached.Count | Should -Be 100
        }
    }
}
