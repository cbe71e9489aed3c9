BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $seed = @{
        users  = @(
            @{ name = 'alice'; groups = @('Developers', 'Admins') }
            @{ name = 'bob'; groups = @('Developers') }
            @{ name = 'carol' }
        )
        groups = @(
            @{ name = 'Developers' }
            @{ name = 'Admins'; path = '/ops/' }
            @{ name = 'Auditors'; path = '/ops/' }
        )
    }
    $script:Endpoint = Start-TestEndpoint -Seed $seed
}

AfterAll {
    Stop-TestEndpoint $script:Endpoint
}

Describe 'Get-IamGroup' {
    It 'Lists every group' {
        @(Get-IamGroup).GroupName | Sort-Object | Should -Be @('Admins', 'Auditors', 'Developers')
    }

    It 'Returns the members of a group by name' {
        (Get-IamGroup Developers).Members | Sort-Object | Should -Be @('alice', 'bob')
    }

    It 'Matches wildcards' {
        @(Get-IamGroup 'A*').GroupName | Sort-Object | Should -Be @('Admins', 'Auditors')
    }

    It 'Filters by path prefix' {
        @(Get-IamGroup -Path /ops/).Count | Should -Be 2
    }

    It 'Emits MfaEnforcement.IamGroup objects' {
        (Get-IamGroup Admins).PSObject.TypeNames[0] | Should -Be 'MfaEnforcement.IamGroup'
    }

    It 'Reports a missing group by name' {
        Get-IamGroup Nobody -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId |
            Should -Be 'GetIamGroupNoSuchEntity,MfaEnforcement.Commands.GetIamGroupCommand'
    }

    It 'Refuses a group name that breaks IAM rules' {
        Get-IamGroup 'no/slash' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId |
            Should -Be 'GetIamGroupInvalidGroupName,MfaEnforcement.Commands.GetIamGroupCommand'
    }

    It 'Formats as a table within 120 columns' {
        $width = (Get-IamGroup | Format-Table | Out-String -Width 200) -split "`n" |
            Measure-Object -Property Length -Maximum
        $width.Maximum | Should -BeLessOrEqual 120
    }
}
