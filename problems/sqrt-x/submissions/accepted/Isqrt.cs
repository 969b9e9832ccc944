using System;
using System.IO;
using System.Text;

class Isqrt
{
    static long Root(long x)
    {
        long lo = 0, hi = 46341;
        while (lo < hi)
        {
            long mid = (lo + hi + 1) / 2;
            if (mid * mid <= x) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    static void Main()
    {
        string[] tokens = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int t = int.Parse(tokens[0]);
        var output = new StringBuilder();
        for (int i = 1; i <= t; i++) output.Append(Root(long.Parse(tokens[i]))).Append('\n');
        var stdout = new StreamWriter(Console.OpenStandardOutput());
        stdout.Write(output);
        stdout.Flush();
    }
}
