# Loads the cmdlet assembly built for this edition of PowerShell: net8.0 on PowerShell 7, where Core and the AWS
# SDK load into their own AssemblyLoadContext, and netstandard2.0 on Windows PowerShell 5.1.
$framework = if ($PSVersionTable.PSEdition -eq 'Core') { 'net8.0' } else { 'netstandard2.0' }
$assembly = [System.IO.Path]::Combine($PSScriptRoot, 'bin', $framework, 'MfaEnforcement.dll')
Import-Module -Name $assembly -ErrorAction Stop
Export-ModuleMember -Cmdlet *
