using System.Runtime.InteropServices;

namespace AdrPlatform.Adapters.Documents.Isolation;

/// <summary>
/// Sets another process's resource limits with Linux prlimit(2). Address space bounds what native code can
/// map beside the GC heap; the CPU limit is a soft one (the kernel sends SIGXCPU, which ends the process, when it is
/// reached) under an unlimited hard one, since raising a hard limit again for the next document needs a privilege.
/// Elsewhere than Linux the limits are not set, and the wall-clock and heap limits remain.
/// </summary>
internal static partial class ProcessLimits
{
    private const int CpuSeconds = 0;
    private const int AddressSpace = 9;
    private const ulong Unlimited = ulong.MaxValue;

    /// <summary>The exit code .NET reports for a child ended by SIGXCPU (128 + 24).</summary>
    public const int ExitedOnCpuLimit = 152;

    public static void LimitAddressSpace(int processId, long bytes) => Set(processId, AddressSpace, (ulong)bytes, (ulong)bytes);

    /// <summary>Lets the process use <paramref name="seconds"/> more of CPU time from what it has used so far (<paramref name="usedSeconds"/>).</summary>
    public static void LimitCpuFromNow(int processId, double usedSeconds, int seconds)
    {
        var soft = (ulong)Math.Ceiling(usedSeconds) + (ulong)seconds;
        Set(processId, CpuSeconds, soft, Unlimited);
    }

    private static void Set(int processId, int resource, ulong soft, ulong hard)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var limit = new ResourceLimit(soft, hard);
        if (prlimit(processId, resource, in limit, IntPtr.Zero) != 0)
        {
            throw new InvalidOperationException($"prlimit({resource}) on the parser process failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct ResourceLimit(ulong Current, ulong Maximum);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int prlimit(int pid, int resource, in ResourceLimit newLimit, IntPtr oldLimit);
}
