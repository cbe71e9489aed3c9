<#
.SYNOPSIS
    What the Pester suites share: the built module's path, the local IAM endpoint's life cycle, its request log,
    and generated seed accounts.
#>

$script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

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
    [pscustomobject]@{ Url = $url; Process = $process; SeedPath = $seedPath }
}

function Stop-TestEndpoint {
    param([Parameter(Mandatory)] $Endpoint)
    if ($Endpoint -and -not $Endpoint.Process.HasExited) {
        $Endpoint.Process.Kill($true)
        $Endpoint.Process.WaitForExit(5000) | Out-Null
    }
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
