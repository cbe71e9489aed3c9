@{
    RootModule           = 'MfaEnforcement.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f3c52-7e8a-4f0e-9a51-2f3d6c1b8e47'
    Author               = 'MfaEnforcement contributors'
    CompanyName          = 'MfaEnforcement'
    Copyright            = '(c) MfaEnforcement contributors. Apache-2.0.'
    Description          = 'Finds the AWS IAM users who can sign in without MFA, writes and attaches the policy that enforces it, proves that it works, and keeps scripts running afterwards.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @(
        'MfaEnforcement.format.ps1xml'
        'Formats/MfaStatus.format.ps1xml'
        'Formats/Policy.format.ps1xml'
        'Formats/Devices.format.ps1xml'
    )
    CmdletsToExport      = @(
        'Get-IamUser'
        'Get-IamGroup'
        'Get-IamMfaStatus'
        'New-MfaEnforcementPolicy'
        'Get-MfaEnforcementPolicy'
        'Set-MfaEnforcement'
        'Remove-MfaEnforcement'
        'Test-MfaEnforcement'
        'New-IamVirtualMfaDevice'
        'Enable-IamMfaDevice'
        'Reset-IamMfaDevice'
        'New-MfaSession'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('AWS', 'IAM', 'MFA', 'Security', 'Compliance', 'CIS')
            LicenseUri = 'https://www.apache.org/licenses/LICENSE-2.0'
        }
    }
}
