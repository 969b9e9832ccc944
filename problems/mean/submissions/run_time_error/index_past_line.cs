// Reads n + 1 numbers from a line holding n: an uncaught System.IndexOutOfRangeException on the first
// sample (mono prints "Unhandled Exception: System.IndexOutOfRangeException", exit code 1).
using System;
using System.Globalization;

class Program
{
    static void Main()
    {
        int n = int.Parse(Console.ReadLine());
        string[] tokens = Console.ReadLine().Split(' ');
        double sum = 0;
        for (int i = 0; i <= n; i++) sum += double.Parse(tokens[i], CultureInfo.InvariantCulture);
        Console.WriteLine((sum / n).ToString(CultureInfo.InvariantCulture));
    }
}
