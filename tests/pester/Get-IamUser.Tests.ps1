BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $users = foreach ($i in 1..2500) {
        $user = @{ name = 'user{0:d4}' -f $i; path = '/' }
        if ($i % 5 -eq 0) { $user.path = '/staff/' }
        if ($i -le 3) { $user.groups = @('Developers') }
        if ($i -eq 1) { $user.passwordLastUsed = '2024-05-06T07:08:09Z' }
        $user
    }
    $users += @{ name = 'svc-build'; path = '/service/' }, @{ name = 'svc-deploy'; path = '/service/' }
    $seed = @{ users = $users; groups = @(@{ name = 'Developers' }) }
    $script:Endpoint = Start-TestEndpoint -Seed $seed
}

AfterAll {
    Stop-TestEndpoint $script:Endpoint
}

Describe 'Get-IamUser' {
    Context 'Listing every user' {
        BeforeAll {
            Clear-EndpointRequest $script:Endpoint
            $script:All = @(Get-IamUser)
            $script:ListRequests = @(Get-EndpointRequest $script:Endpoint -Action ListUsers)
        }

        It 'Returns every user of a 2,502-user account' {
            $script:All.Count | Should -Be 2502
        }

        It 'Returns each user once' {
            @($script:All.UserName | Sort-Object -Unique).Count | Should -Be 2502
        }

        It 'Sends ceil(2502 / 1000) ListUsers requests' {
            $script:ListRequests.Count | Should -Be 3
        }

        It 'Emits MfaEnforcement.IamUser objects' {
            $script:All[0].PSObject.TypeNames[0] | Should -Be 'MfaEnforcement.IamUser'
        }

        It 'Pipes into Select-Object UserName' {
            (Get-IamUser -UserName user0001 | Select-Object UserName).UserName | Should -Be 'user0001'
        }
    }

    It 'Shows the last console sign-in in the table view' {
        Get-IamUser -UserName user0001 | Format-Table | Out-String -Width 120 | Should -Match '2024-05-06 07:08'
    }

    It 'Formats as a table within 120 columns' {
        $lines = (Get-IamUser -Path /service/ | Format-Table | Out-String -Width 200) -split "`n"
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
    }

    It 'Filters by path prefix on the server' {
        @(Get-IamUser -Path /service/).UserName | Should -Be @('svc-build', 'svc-deploy')
    }

    It 'Matches wildcards' {
        @(Get-IamUser -UserName 'svc-*').Count | Should -Be 2
    }

    It 'Lists the members of a group' {
        @(Get-IamUser -GroupName Developers).UserName | Should -Be @('user0001', 'user0002', 'user0003')
    }

    It 'Takes groups from Get-IamGroup through the pipeline' {
        @(Get-IamGroup Developers | Get-IamUser).Count | Should -Be 3
    }

    It 'Takes names from the pipeline' {
        @('user0001', 'user0002' | Get-IamUser).Count | Should -Be 2
    }

    It 'Reports a missing user by name and goes on with the others' {
        $found = @(Get-IamUser -UserName ghost, user0001 -ErrorVariable failures -ErrorAction SilentlyContinue)
        ($found.UserName, $failures[0].FullyQualifiedErrorId) |
            Should -Be @('user0001', 'GetIamUserNoSuchEntity,MfaEnforcement.Commands.GetIamUserCommand')
    }

    It 'Refuses a name that breaks IAM rules without sending a request' {
        Clear-EndpointRequest $script:Endpoint
        Get-IamUser -UserName 'bad name' -ErrorVariable failures -ErrorAction SilentlyContinue
        ($failures[0].FullyQualifiedErrorId, @(Get-EndpointRequest $script:Endpoint).Count) |
            Should -Be @('GetIamUserInvalidUserName,MfaEnforcement.Commands.GetIamUserCommand', 0)
    }

    It 'Refuses a path that does not start and end with a slash' {
        { Get-IamUser -Path staff -ErrorAction Stop } |
            Should -Throw -ErrorId 'GetIamUserInvalidPath,MfaEnforcement.Commands.GetIamUserCommand'
    }

    It 'Fails within seconds with a clear error when the endpoint is unreachable' {
        { Get-IamUser -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } |
            Should -Throw -ErrorId 'GetIamUserEndpointUnreachable,MfaEnforcement.Commands.GetIamUserCommand'
    }

    It 'Says which credential sources it tried when there are none' {
        $script = @"
`$env:AWS_ACCESS_KEY_ID = `$null; `$env:AWS_SECRET_ACCESS_KEY = `$null; `$env:AWS_PROFILE = `$null
`$env:AWS_SHARED_CREDENTIALS_FILE = '$([System.IO.Path]::GetTempFileName())'
`$env:AWS_CONFIG_FILE = `$env:AWS_SHARED_CREDENTIALS_FILE
`$env:AWS_EC2_METADATA_DISABLED = 'true'
Import-Module '$(Get-TestModulePath)'
try { Get-IamUser -EndpointUrl '$($script:Endpoint.Url)' -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId }
"@
        $output = Invoke-ChildPwsh $script
        $output | Should -Be 'GetIamUserNoCredentials,MfaEnforcement.Commands.GetIamUserCommand'
    }
}

Describe 'Get-IamUser under throttling' {
    BeforeAll {
        $seed = @{ users = @(foreach ($i in 1..2500) { @{ name = 'user{0:d4}' -f $i } }) }
        $script:Throttled = Start-TestEndpoint -Seed $seed -ThrottleRate 0.3 -RandomSeed 1
        $script:Listed = @(Get-IamUser)
    }

    AfterAll {
        Stop-TestEndpoint $script:Throttled
    }

    It 'Still returns every user' {
        $script:Listed.Count | Should -Be 2500
    }

    It 'Returns each user once' {
        @($script:Listed.UserName | Sort-Object -Unique).Count | Should -Be 2500
    }

    It 'Was throttled on the way' {
        @(Get-EndpointRequest $script:Throttled -Action ListUsers | Where-Object status -eq 400).Count |
            Should -BeGreaterThan 0
    }
}
