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
    It 'Exports exactly the commands its manifest lists' {
        $manifest = Import-PowerShellDataFile (Get-TestModulePath)
        @($script:Commands.Name | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
    }
}

Describe 'The package' {
    BeforeAll {
        # build.ps1 package (and test) writes out/MfaEnforcement.<version>.nupkg beside the module's folder.
        $module = Get-Item (Get-TestModulePath)
        $script:Version = $module.Directory.Name
        $script:Package = Join-Path $module.Directory.Parent.Parent.FullName "MfaEnforcement.$script:Version.nupkg"
        $script:Endpoint = Start-TestEndpoint -Seed @{ users = @(@{ name = 'alice' }) }
        $data = (New-Item -ItemType Directory (Join-Path $TestDrive 'data')).FullName
        $saved = (New-Item -ItemType Directory (Join-Path $TestDrive 'modules')).FullName
        # XDG_DATA_HOME keeps the temporary repository out of the user's PSResourceGet settings.
        $script = @"
`$ErrorActionPreference = 'Stop'
`$env:XDG_DATA_HOME = '$data'
`$env:AWS_EC2_METADATA_DISABLED = 'true'
Register-PSResourceRepository -Name Built -Uri '$(Split-Path $script:Package)' -Trusted
Save-PSResource -Name MfaEnforcement -Version '$script:Version' -Repository Built -Path '$saved' -TrustRepository
Import-Module '$saved/MfaEnforcement/$script:Version/MfaEnforcement.psd1'
(Get-IamUser -UserName alice -EndpointUrl '$($script:Endpoint.Url)').UserName
(Get-Help Set-MfaEnforcement).Synopsis
(Get-Command -Module MfaEnforcement).Count
"@
        $script:Output = @(if (Test-Path $script:Package) { Invoke-ChildPwsh $script })
    }

    AfterAll {
        Stop-TestEndpoint $script:Endpoint
    }

    It 'Is built' {
        $script:Package | Should -Exist
    }

    It 'Installs with PSResourceGet and runs a command from where it was saved' {
        $script:Output[0] | Should -Be 'alice'
    }

    It 'Carries the compiled help' {
        $script:Output[1] | Should -Match '^Enforces MFA for IAM users'
    }

    It 'Carries every command' {
        $script:Output[2] | Should -Be $script:Commands.Count
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
