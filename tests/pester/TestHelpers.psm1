<#
.SYNOPSIS
    What the Pester suites share: the built module's path, the local IAM endpoint's life cycle, its request log,
    and generated seed accounts.
#>

$script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Get-NuGetPackageFolder {
    <# .SYNOPSIS The NuGet global packages folder, where Pester, Otp.NET and old AWSSDK.Core are restored. #>
    ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
}

function Get-TotpCode {
    <#
    .SYNOPSIS
        The RFC 6238 code of a base32 seed now, or OffsetSeconds away (30 for the next code), with Otp.NET.
        -Pair returns the previous and the current code, both from one reading of the clock, so that they are
        consecutive even when a 30-second step ends between them (what EnableMFADevice takes).
    #>
    param([Parameter(Mandatory)] [string] $Seed, [int] $OffsetSeconds = 0, [switch] $Pair)
    if (-not ('OtpNet.Totp' -as [type])) {
        Add-Type -Path (Join-Path (Get-NuGetPackageFolder) 'otp.net/1.4.1/lib/netstandard2.0/Otp.NET.dll')
    }
    $totp = [OtpNet.Totp]::new([OtpNet.Base32Encoding]::ToBytes($Seed))
    $now = [datetime]::UtcNow.AddSeconds($OffsetSeconds)
    if ($Pair) { return @($totp.ComputeTotp($now.AddSeconds(-30)), $totp.ComputeTotp($now)) }
    $totp.ComputeTotp($now)
}

function New-EnrollmentSeed {
    <#
    .SYNOPSIS
        A seed account for the device commands: the RequireMfa deny-unless-MFA policy on the Developers group, an
        admin caller, and the given users and unassigned virtual devices.
    #>
    param([hashtable[]] $User = @(), [hashtable[]] $VirtualMfaDevice = @())
    @{
        policies          = @(@{
                name     = 'RequireMfa'
                document = @{ Version = '2012-10-17'; Statement = @(@{
                            Sid       = 'DenyAllExceptListedIfNoMFA'; Effect = 'Deny'; Resource = '*'
                            NotAction = @('iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser',
                                'iam:ListMFADevices', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice',
                                'sts:GetSessionToken')
                            Condition = @{ BoolIfExists = @{ 'aws:MultiFactorAuthPresent' = 'false' } }
                        })
                }
            })
        groups            = @(@{ name = 'Developers'; attachedPolicies = @('RequireMfa') })
        users             = @(@{ name = 'admin'; accessKeys = @(@{ id = 'AKIAIOSFODNN7EXAMPLE' }) }) + $User
        virtualMfaDevices = $VirtualMfaDevice
    }
}

function Get-FailureId {
    <# .SYNOPSIS The FullyQualifiedErrorId of the terminating error a command throws, or 'no error'. #>
    param([Parameter(Mandatory)] [scriptblock] $Command)
    try { & $Command | Out-Null; 'no error' } catch { $_.FullyQualifiedErrorId }
}

function Get-TestModulePath {
    if ($env:MFAENFORCEMENT_MODULE) { return $env:MFAENFORCEMENT_MODULE }
    $manifest = Get-ChildItem (Join-Path $script:Root 'out/MfaEnforcement') -Filter MfaEnforcement.psd1 -Recurse |
        Sort-Object FullName -Descending | Select-Object -First 1
    if (-not $manifest) { throw 'Build the module first: dotnet pwsh ./build.ps1 build' }
    $manifest.FullName
}

function Start-TestEndpoint {
    <#
    .SYNOPSIS
        Starts the local IAM endpoint on a free port with a seed (a file path or an object to serialise) and
        returns an object with Url, Process and SeedPath. Sets the environment so the module reaches it with
        fixed test credentials.
    #>
    param(
        [Parameter(Mandatory)] $Seed,
        [int] $LatencyMs = 0,
        [double] $ThrottleRate = 0,
        [double] $FaultRate = 0,
        [int] $RandomSeed = 1
    )

    $seedPath = if ($Seed -is [string] -and (Test-Path $Seed)) { (Resolve-Path $Seed).Path } else {
        $path = Join-Path ([System.IO.Path]::GetTempPath()) "mfa-seed-$([guid]::NewGuid().ToString('n')).json"
        $Seed | ConvertTo-Json -Depth 20 | Set-Content -Path $path
        $path
    }

    $dll = Get-ChildItem (Join-Path $script:Root 'tests/IamEndpoint/bin') -Filter IamEndpoint.dll -Recurse |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $dll) { throw 'The IAM endpoint is not built: dotnet build tests/IamEndpoint' }

    $arguments = @($dll.FullName, '--seed', $seedPath, '--port', '0', '--latency-ms', $LatencyMs,
        '--throttle-rate', $ThrottleRate.ToString([cultureinfo]::InvariantCulture),
        '--fault-rate', $FaultRate.ToString([cultureinfo]::InvariantCulture), '--random-seed', $RandomSeed)
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $arguments) { $start.ArgumentList.Add([string]$argument) }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)

    $deadline = [datetime]::UtcNow.AddSeconds(60)
    $url = $null
    while (-not $url -and [datetime]::UtcNow -lt $deadline) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) { break }
        if ($line -match '^Listening on (http://127\.0\.0\.1:\d+)') { $url = $Matches[1] }
    }
    if (-not $url) {
        $errorText = if ($process.HasExited) { $process.StandardError.ReadToEnd() } else { '' }
        Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
        throw "The IAM endpoint did not start: $errorText"
    }

    $env:AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'
    $env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
    Remove-Item Env:AWS_SESSION_TOKEN, Env:AWS_PROFILE -ErrorAction SilentlyContinue
    $env:AWS_ENDPOINT_URL = $url
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    $temporary = -not ($Seed -is [string] -and (Test-Path $Seed))
    [pscustomobject]@{ Url = $url; Process = $process; SeedPath = $seedPath; TemporarySeed = $temporary }
}

function Stop-TestEndpoint {
    param([Parameter(Mandatory)] $Endpoint)
    if ($Endpoint -and -not $Endpoint.Process.HasExited) {
        $Endpoint.Process.Kill($true)
        $Endpoint.Process.WaitForExit(5000) | Out-Null
    }
    if ($Endpoint -and $Endpoint.TemporarySeed) { Remove-Item $Endpoint.SeedPath -ErrorAction SilentlyContinue }
    Remove-Item Env:AWS_ENDPOINT_URL -ErrorAction SilentlyContinue
}

function Get-EndpointRequest {
    <# .SYNOPSIS The requests the endpoint received, optionally only those of some actions. #>
    param([Parameter(Mandatory)] $Endpoint, [string[]] $Action)
    $log = Invoke-RestMethod -Uri "$($Endpoint.Url)/_endpoint/requests"
    if ($Action) { $log | Where-Object { $_.action -in $Action } } else { $log }
}

function Clear-EndpointRequest {
    param([Parameter(Mandatory)] $Endpoint)
    Invoke-RestMethod -Method Delete -Uri "$($Endpoint.Url)/_endpoint/requests" | Out-Null
}

function Reset-TestEndpoint {
    param([Parameter(Mandatory)] $Endpoint)
    Invoke-RestMethod -Method Post -Uri "$($Endpoint.Url)/_endpoint/reset" | Out-Null
}

function Get-EndpointAttachment {
    <#
    .SYNOPSIS
        The account's attachments and memberships as the endpoint holds them, read around the module: sorted lines
        'user/NAME=ARN', 'group/NAME=ARN' and 'member/USER=GROUP'. Retries throttled or failed pages.
    #>
    param([Parameter(Mandatory)] $Endpoint)
    $signature = 'AWS4-HMAC-SHA256 Credential=AKIATESTSNAPSHOT0001/20260101/us-east-1/iam/aws4_request, ' +
        "SignedHeaders=host, Signature=$('0' * 64)"
    $marker = $null
    $lines = do {
        $body = @{ Action = 'GetAccountAuthorizationDetails'; Version = '2010-05-08'; MaxItems = '1000'
            'Filter.member.1' = 'User'; 'Filter.member.2' = 'Group' }
        if ($marker) { $body.Marker = $marker }
        $response = $null
        foreach ($attempt in 1..20) {
            try {
                $response = Invoke-RestMethod -Method Post -Uri $Endpoint.Url -Body $body `
                    -Headers @{ Authorization = $signature }
                break
            }
            catch { Start-Sleep -Milliseconds 20 }
        }
        if (-not $response) { throw "GetAccountAuthorizationDetails failed 20 times at $($Endpoint.Url)." }
        $result = $response.GetAccountAuthorizationDetailsResponse.GetAccountAuthorizationDetailsResult
        foreach ($user in $result.UserDetailList.ChildNodes) {
            foreach ($policy in $user.AttachedManagedPolicies.ChildNodes) {
                "user/$($user.UserName)=$($policy.PolicyArn)"
            }
            foreach ($group in $user.GroupList.ChildNodes) { "member/$($user.UserName)=$($group.InnerText)" }
        }
        foreach ($group in $result.GroupDetailList.ChildNodes) {
            foreach ($policy in $group.AttachedManagedPolicies.ChildNodes) {
                "group/$($group.GroupName)=$($policy.PolicyArn)"
            }
        }
        $marker = if ($result.IsTruncated -eq 'true') { $result.Marker } else { $null }
    } while ($marker)
    @($lines | Sort-Object)
}

function Invoke-ChildPwsh {
    <#
    .SYNOPSIS
        Runs a script in a new PowerShell process (a fresh AWS SDK state: the SDK reads some settings once per
        process) and returns its output.
    #>
    param([Parameter(Mandatory)] [string] $Script)
    Push-Location $script:Root
    try {
        & dotnet pwsh -NoProfile -NonInteractive -Command $Script 2>&1
    }
    finally {
        Pop-Location
    }
}

Export-ModuleMember -Function *
