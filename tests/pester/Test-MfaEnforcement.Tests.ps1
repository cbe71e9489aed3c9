BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:GeneratedJson = New-MfaEnforcementPolicy -DocumentOnly -AllowPasswordChange
    $generated = $script:GeneratedJson | ConvertFrom-Json
    $script:Deny = @{
        Version   = '2012-10-17'
        Statement = @($generated.Statement | Where-Object Sid -eq 'DenyAllExceptEnrollmentWithoutMfa')
    }
    $script:AllowWithMfaAge = @{
        Version   = '2012-10-17'
        Statement = @(@{
                Sid       = 'AllowWithMfa'
                Effect    = 'Allow'
                Action    = '*'
                Resource  = '*'
                Condition = @{ Null = @{ 'aws:MultiFactorAuthAge' = 'false' } }
            })
    }
    $default = New-MfaEnforcementPolicy -DocumentOnly | ConvertFrom-Json
    $seed = @{
        accountId = '111122223333'
        policies  = @(@{ name = 'MfaEnforcement'; document = $generated }, @{ name = 'Default'; document = $default })
        groups    = @(@{ name = 'Admins'; attachedPolicies = @('AdministratorAccess', 'MfaEnforcement') })
        users     = @(
            @{ name = 'admin' }
            @{ name = 'enforced'; attachedPolicies = @('AdministratorAccess', 'MfaEnforcement') }
            @{ name = 'conditioned'; attachedPolicies = @('AdministratorAccess')
                inlinePolicies = @{ AllowWithMfa = $script:AllowWithMfaAge } }
            @{ name = 'denyonly'; inlinePolicies = @{ DenyWithoutMfa = $script:Deny } }
            @{ name = 'grouped'; path = '/staff/'; groups = @('Admins') }
            @{ name = 'plain'; loginProfile = $true; attachedPolicies = @('AdministratorAccess', 'Default') }
            @{ name = 'firstsignin'; loginProfile = @{ passwordResetRequired = $true }
                attachedPolicies = @('AdministratorAccess', 'Default') }
        )
    }
    $script:Endpoint = Start-TestEndpoint -Seed $seed

    # The verdict objects, not the rows.
    filter Select-Verdict {
        if ($_.PSObject.TypeNames[0] -eq 'MfaEnforcement.MfaEnforcementVerdict') { $_ }
    }

    function Get-Verdict([string] $UserName) {
        Test-MfaEnforcement -UserName $UserName | Select-Verdict
    }
}

AfterAll {
    Stop-TestEndpoint $script:Endpoint
}

Describe 'Test-MfaEnforcement' {
    Context 'Users in the account' {
        It 'Says Enforced for AdministratorAccess with the generated policy' {
            (Get-Verdict enforced).Verdict | Should -Be 'Enforced'
        }

        It 'Says NotEnforced for AdministratorAccess beside an Allow conditioned on MFA age' {
            (Get-Verdict conditioned).Verdict | Should -Be 'NotEnforced'
        }

        It 'Names AdministratorAccess as what leaves actions open' {
            (Get-Verdict conditioned).OpenedBy | Should -Be @('AdministratorAccess')
        }

        It 'Says CannotEnroll for a user with only the deny and no allows' {
            (Get-Verdict denyonly).Verdict | Should -Be 'CannotEnroll'
        }

        It 'Says Enforced for AdministratorAccess with the default generated policy' {
            (Get-Verdict plain).Verdict | Should -Be 'Enforced'
        }

        It 'Says PasswordChangeBlocked when the default policy meets a pending password reset' {
            (Get-Verdict firstsignin).Verdict | Should -Be 'PasswordChangeBlocked'
        }

        It 'Gives the remedy for the first sign-in deadlock' {
            (Get-Verdict firstsignin).Findings -join ' ' | Should -Match 'AllowPasswordChange'
        }

        It 'Follows policies attached to the user''s groups' {
            (Get-Verdict grouped).EnforcedBy | Should -Be @('MfaEnforcement (group Admins)')
        }

        It 'Emits one row per probe and sign-in state' {
            @(Test-MfaEnforcement -UserName enforced | Where-Object Action).Count | Should -Be (13 * 4)
        }

        It 'Adds the probes of -Action' {
            $rows = Test-MfaEnforcement -UserName enforced -Action dynamodb:Scan |
                Where-Object Action -eq dynamodb:Scan
            ($rows | Where-Object State -eq AccessKey).Decision | Should -Be 'ExplicitDeny'
        }

        It 'Names the statement that decided' {
            $row = Test-MfaEnforcement -UserName enforced |
                Where-Object { $_.Action -eq 's3:ListAllMyBuckets' -and $_.State -eq 'AccessKey' }
            $row.DecidedBy | Should -Be 'MfaEnforcement/DenyAllExceptEnrollmentWithoutMfa'
        }

        Context 'Piped users' {
            BeforeAll {
                Clear-EndpointRequest $script:Endpoint
                $script:Piped = Get-IamUser -UserName enforced, denyonly | Test-MfaEnforcement | Select-Verdict
                $script:PipedRequests = @(Get-EndpointRequest $script:Endpoint)
            }

            It 'Tests each piped user' {
                $script:Piped.Verdict | Should -Be @('Enforced', 'CannotEnroll')
            }

            It 'Reads the account once, in bulk, for every user' {
                $starts = $script:PipedRequests | Where-Object {
                    $_.action -eq 'GetAccountAuthorizationDetails' -and -not $_.parameters.Marker
                }
                @($starts).Count | Should -Be 1
            }

            It 'Sends no request per user for their policies' {
                $others = $script:PipedRequests | Where-Object action -notin 'GetUser', 'GetAccountAuthorizationDetails'
                @($others).Count | Should -Be 0
            }
        }

        It 'Matches user names with wildcards' {
            @(Test-MfaEnforcement -UserName 'den*' | Select-Verdict).UserName | Should -Be @('denyonly')
        }

        It 'Reports an unknown user by name and goes on with the others' {
            $verdicts = @(Test-MfaEnforcement -UserName ghost, enforced -ErrorVariable failures `
                    -ErrorAction SilentlyContinue | Select-Verdict)
            $id = 'TestMfaEnforcementUserNotFound,MfaEnforcement.Commands.TestMfaEnforcementCommand'
            ($verdicts.UserName, $failures[0].FullyQualifiedErrorId) | Should -Be @('enforced', $id)
        }
    }

    Context 'Users tested with IAM''s policy simulator (-Online)' {
        BeforeAll {
            Clear-EndpointRequest $script:Endpoint
            $script:OnlineVerdicts = Test-MfaEnforcement -UserName enforced, conditioned, denyonly -Online |
                Select-Verdict
            $script:Simulations = @(Get-EndpointRequest $script:Endpoint -Action SimulatePrincipalPolicy)
        }

        It 'Gives <UserName> the offline verdict' -ForEach @(
            @{ UserName = 'enforced' }
            @{ UserName = 'conditioned' }
            @{ UserName = 'denyonly' }
        ) {
            ($script:OnlineVerdicts | Where-Object UserName -eq $UserName).Verdict |
                Should -Be (Get-Verdict $UserName).Verdict
        }

        It 'Flags a pending password reset under the default policy online too' {
            (Test-MfaEnforcement -UserName firstsignin -Online | Select-Verdict).Verdict |
                Should -Be 'PasswordChangeBlocked'
        }

        It 'Names AdministratorAccess as what leaves actions open' {
            ($script:OnlineVerdicts | Where-Object UserName -eq conditioned).OpenedBy |
                Should -Be @('AdministratorAccess')
        }

        It 'Sends SimulatePrincipalPolicy requests for each user, logged by the endpoint' {
            $sources = $script:Simulations.parameters.PolicySourceArn | Sort-Object -Unique
            $sources | Should -Be @(
                'arn:aws:iam::111122223333:user/conditioned'
                'arn:aws:iam::111122223333:user/denyonly'
                'arn:aws:iam::111122223333:user/enforced'
            )
        }

        It 'Sends no MFA keys for a long-term access key and MFA present for a session' {
            $present = $script:Simulations | ForEach-Object {
                $_.parameters.PSObject.Properties |
                    Where-Object { $_.Name -like 'ContextEntries.member.*.ContextKeyName' -and
                        $_.Value -eq 'aws:MultiFactorAuthPresent' } |
                    Select-Object -First 1
            }
            @($present).Count | Should -Be ($script:Simulations.Count * 3 / 4)
        }

        It 'Decides the ordinary actions with the Deny IAM matched' {
            $row = Test-MfaEnforcement -UserName enforced -Online |
                Where-Object { $_.Action -eq 's3:ListAllMyBuckets' -and $_.State -eq 'AccessKey' }
            ($row.Decision, $row.DecidedBy) |
                Should -Be @('ExplicitDeny', 'MfaEnforcement/DenyAllExceptEnrollmentWithoutMfa')
        }

        Context 'Where SimulatePrincipalPolicy is denied' {
            BeforeAll {
                # A proxy in front of the endpoint that denies SimulatePrincipalPolicy and forwards the rest.
                $script:Listener = [System.Net.HttpListener]::new()
                $port = Get-Random -Minimum 20000 -Maximum 60000
                $script:ProxyUrl = "http://127.0.0.1:$port/"
                $script:Listener.Prefixes.Add($script:ProxyUrl)
                $script:Listener.Start()
                $script:Proxy = Start-ThreadJob -ArgumentList $script:Listener, $script:Endpoint.Url -ScriptBlock {
                    param($listener, $upstream)
                    $http = [System.Net.Http.HttpClient]::new()
                    while ($listener.IsListening) {
                        $context = $listener.GetContext()
                        $body = [System.IO.StreamReader]::new($context.Request.InputStream).ReadToEnd()
                        if ($body -match 'Action=SimulatePrincipalPolicy') {
                            $status = 403
                            $text = '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error>' +
                                '<Type>Sender</Type><Code>AccessDenied</Code><Message>' +
                                'Not authorized to perform iam:SimulatePrincipalPolicy</Message></Error>' +
                                '<RequestId>proxy</RequestId></ErrorResponse>'
                        }
                        else {
                            $request = [System.Net.Http.HttpRequestMessage]::new('POST', $upstream)
                            $request.Content = [System.Net.Http.StringContent]::new($body, [System.Text.Encoding]::UTF8,
                                'application/x-www-form-urlencoded')
                            $request.Headers.TryAddWithoutValidation('Authorization',
                                $context.Request.Headers['Authorization']) | Out-Null
                            $response = $http.Send($request)
                            $status = [int]$response.StatusCode
                            $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
                        }
                        $bytes = [System.Text.Encoding]::UTF8.GetBytes($text)
                        $context.Response.StatusCode = $status
                        $context.Response.ContentType = 'text/xml'
                        $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
                        $context.Response.Close()
                    }
                }
                Test-MfaEnforcement -UserName enforced, denyonly -Online -EndpointUrl $script:ProxyUrl `
                    -ErrorVariable script:Denied -ErrorAction SilentlyContinue | Out-Null
            }

            AfterAll {
                $script:Listener.Stop()
                $script:Proxy | Remove-Job -Force
            }

            It 'Reports each user with an error that says to run without -Online' {
                $id = 'TestMfaEnforcementOnlineUnavailable,MfaEnforcement.Commands.TestMfaEnforcementCommand'
                $script:Denied.FullyQualifiedErrorId | Should -Be @($id, $id)
            }

            It 'Names the user in each error' {
                $script:Denied.TargetObject | Should -Be @('enforced', 'denyonly')
            }
        }

        It 'Is not offered for policy documents' {
            { Test-MfaEnforcement -PolicyDocument $script:GeneratedJson -Online } |
                Should -Throw -ErrorId 'AmbiguousParameterSet,MfaEnforcement.Commands.TestMfaEnforcementCommand'
        }
    }

    It 'Keeps every verdict, Enforced included, with Where-Object Verdict' {
        @(Test-MfaEnforcement -UserName enforced, denyonly | Where-Object Verdict).Count | Should -Be 2
    }

    Context 'Policy documents' {
        BeforeAll {
            $script:AdministratorFile = Join-Path $TestDrive 'AdministratorAccess.json'
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' |
                Set-Content -Path $script:AdministratorFile
            $script:AllowWithMfaJson = $script:AllowWithMfaAge | ConvertTo-Json -Depth 10
        }

        It 'Says Enforced for the generated policy beside AdministratorAccess' {
            $verdict = Test-MfaEnforcement -PolicyDocument $script:GeneratedJson -WithPolicy $script:AdministratorFile |
                Select-Verdict
            $verdict.Verdict | Should -Be 'Enforced'
        }

        It 'Names AdministratorAccess when an Allow conditioned on MFA age sits beside it' {
            $verdict = Test-MfaEnforcement -PolicyDocument $script:AllowWithMfaJson `
                -WithPolicy $script:AdministratorFile | Select-Verdict
            ($verdict.Verdict, $verdict.OpenedBy) | Should -Be @('NotEnforced', 'AdministratorAccess')
        }

        It 'Says CannotEnroll for the deny alone' {
            $deny = $script:Deny | ConvertTo-Json -Depth 10
            (Test-MfaEnforcement -PolicyDocument $deny | Select-Verdict).Verdict | Should -Be 'CannotEnroll'
        }

        It 'Sends no request for documents' {
            Clear-EndpointRequest $script:Endpoint
            Test-MfaEnforcement -PolicyDocument $script:GeneratedJson | Out-Null
            @(Get-EndpointRequest $script:Endpoint).Count | Should -Be 0
        }

        It 'Tests documents without any credentials' {
            $script = @"
`$env:AWS_ACCESS_KEY_ID = `$null; `$env:AWS_SECRET_ACCESS_KEY = `$null; `$env:AWS_SESSION_TOKEN = `$null
`$env:AWS_PROFILE = `$null; `$env:AWS_ENDPOINT_URL = `$null
`$env:AWS_SHARED_CREDENTIALS_FILE = '$([System.IO.Path]::GetTempFileName())'
`$env:AWS_CONFIG_FILE = `$env:AWS_SHARED_CREDENTIALS_FILE
`$env:AWS_EC2_METADATA_DISABLED = 'true'
Import-Module '$(Get-TestModulePath)'
try {
    `$policy = New-MfaEnforcementPolicy -DocumentOnly -AllowPasswordChange
    (Test-MfaEnforcement -PolicyDocument `$policy -ErrorAction Stop | Where-Object Verdict).Verdict
}
catch { `$_.FullyQualifiedErrorId }
"@
            Invoke-ChildPwsh $script | Should -Be 'Enforced'
        }

        It 'Refuses a value that is neither JSON nor a file' {
            $id = 'TestMfaEnforcementPolicyDocumentNotFound,MfaEnforcement.Commands.TestMfaEnforcementCommand'
            { Test-MfaEnforcement -PolicyDocument ./no-such-policy.json } | Should -Throw -ErrorId $id
        }

        It 'Refuses JSON that is not a policy' {
            $id = 'TestMfaEnforcementInvalidPolicyDocument,MfaEnforcement.Commands.TestMfaEnforcementCommand'
            { Test-MfaEnforcement -PolicyDocument '{"Statement": 5}' } | Should -Throw -ErrorId $id
        }
    }

    It 'Refuses an -Action with wildcards' {
        $id = 'TestMfaEnforcementInvalidAction,MfaEnforcement.Commands.TestMfaEnforcementCommand'
        { Test-MfaEnforcement -PolicyDocument $script:GeneratedJson -Action 's3:*' } | Should -Throw -ErrorId $id
    }
}
