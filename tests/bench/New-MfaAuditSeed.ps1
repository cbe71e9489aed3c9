<#
.SYNOPSIS
    Generates the seed of an account with a realistic mix of users for the local IAM endpoint (see
    tests/IamEndpoint/README.md): what the benchmark and the Pester throttling test audit.
.DESCRIPTION
    Dot-source this file, then call New-MfaAuditSeed. Every value follows from the user's index, so two calls with
    the same count give the same account. Of the users:
    - 60% have a console password; half of those have MFA, the others none; the other 40% use access keys only;
    - a few users with MFA hold a hardware token or a FIDO security key instead of a virtual device
      (-OtherDeviceUsers, 3 by default: IAM lists those devices only per user);
    - groups: Developers and Operations enforce MFA with the MfaEnforcement policy, Admins have
      AdministratorAccess, Analysts have ReadOnlyAccess; every user is in one or two of them;
    - 1 user in 100 carries the exemption tag mfa-exempt=true.
#>

function New-MfaAuditSeed {
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)] [ValidateRange(1, 5000)] [int] $UserCount,
        [ValidateRange(0, 100)] [int] $OtherDeviceUsers = 3
    )

    $enforcement = [ordered]@{
        Version   = '2012-10-17'
        Statement = @([ordered]@{
                Sid       = 'DenyAllExceptEnrollmentWithoutMfa'
                Effect    = 'Deny'
                NotAction = @('iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser',
                    'iam:ListMFADevices', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken')
                Resource  = '*'
                Condition = @{ BoolIfExists = @{ 'aws:MultiFactorAuthPresent' = 'false' } }
            })
    }
    $groups = @(
        @{ name = 'Developers'; attachedPolicies = @('PowerUserAccess', 'MfaEnforcement') }
        @{ name = 'Operations'; attachedPolicies = @('MfaEnforcement') }
        @{ name = 'Admins'; attachedPolicies = @('AdministratorAccess') }
        @{ name = 'Analysts'; attachedPolicies = @('ReadOnlyAccess') }
    )
    $created = [datetime]::new(2023, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)
    $otherDevices = 0
    $users = for ($i = 0; $i -lt $UserCount; $i++) {
        $name = 'user{0:D4}' -f $i
        $user = [ordered]@{
            name       = $name
            path       = if ($i % 10 -eq 0) { '/staff/contractors/' } else { '/staff/' }
            createDate = $created.AddMinutes($i).ToString('o')
            groups     = @(switch ($i % 5) {
                    0 { 'Developers' } 1 { 'Developers'; 'Analysts' } 2 { 'Operations' } 3 { 'Analysts' }
                    4 { 'Admins' }
                })
        }
        $console = $i % 10 -lt 6
        if ($console) {
            $user.loginProfile = $true
            $user.passwordLastUsed = $created.AddDays(400).AddMinutes($i).ToString('o')
            if ($i % 10 -lt 3) {
                if ($otherDevices -lt $OtherDeviceUsers) {
                    $otherDevices++
                    $user.mfaDevices = @(if ($otherDevices % 2 -eq 1) {
                            @{ type = 'hardware'; serialNumber = 'GAHT{0:D8}' -f $i }
                        } else { @{ type = 'securityKey' } })
                } else {
                    $user.mfaDevices = @(@{ type = 'virtual'; name = "$name-phone" })
                }
            }
        } else {
            $user.accessKeys = @(@{ id = 'AKIABENCH{0:D11}' -f $i })
        }
        if ($i % 100 -eq 95) { $user.tags = @{ 'mfa-exempt' = 'true' } }
        $user
    }

    @{
        accountId = '123456789012'
        root      = @{ mfa = 'virtual' }
        policies  = @(@{ name = 'MfaEnforcement'; document = $enforcement })
        groups    = $groups
        users     = @($users)
    }
}
