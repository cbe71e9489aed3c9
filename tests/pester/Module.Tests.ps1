BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Commands = @(Get-Command -Module MfaEnforcement)
}

Describe 'The module' {
    It 'Exports its commands' {
        $script:Commands.Count | Should -BeGreaterOrEqual 2
    }
}

Describe 'Help for <Name>' -ForEach @(Get-Command -Module MfaEnforcement | ForEach-Object { @{ Name = $_.Name } }) {
    BeforeAll {
        $script:Help = Get-Help $Name -Full
        $script:Parameters = (Get-Command $Name).Parameters.Keys |
            Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and
                $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }
    }

    It 'Has a synopsis' {
        $script:Help.Synopsis | Should -Not -Match "^\s*$Name"
    }

    It 'Has a description' {
        ($script:Help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'Has at least two examples' {
        @($script:Help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }

    It 'Documents every parameter' {
        $documented = @($script:Help.Parameters.Parameter.Name)
        @($script:Parameters | Where-Object { $_ -notin $documented }) | Should -BeNullOrEmpty
    }
}

Describe 'Coexistence with another AWSSDK.Core' {
    BeforeAll {
        $seed = @{ users = @(@{ name = 'alice' }) }
        $script:Endpoint = Start-TestEndpoint -Seed $seed
        $oldCore = Join-Path (Get-NuGetPackageFolder) 'awssdk.core/3.7.402/lib/net8.0/AWSSDK.Core.dll'
        $script = @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$oldCore'
`$first = [Amazon.Runtime.AWSCredentials].Assembly.GetName().Version.ToString()
`$env:AWS_EC2_METADATA_DISABLED = 'true'
Import-Module '$(Get-TestModulePath)'
`$user = Get-IamUser -UserName alice -EndpointUrl '$($script:Endpoint.Url)'
"`$first|`$(`$user.UserName)"
"@
        $script:Output = Invoke-ChildPwsh $script
    }

    AfterAll {
        Stop-TestEndpoint $script:Endpoint
    }

    It 'Loads Core and the AWS SDK into its own load context on PowerShell 7' {
        Get-IamUser -UserName alice -EndpointUrl $script:Endpoint.Url | Out-Null
        $core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' } |
            Where-Object { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name -eq 'MfaEnforcement' }
        @($core).Count | Should -Be 1
    }

    It 'Works in a session where AWSSDK.Core 3.7 was loaded first' {
        $script:Output | Should -Be '3.3.0.0|alice'
    }
}
