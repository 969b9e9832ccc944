// A class that is not called Main: the judge runs the class that has main().
import java.io.*;
import java.util.*;

public class Mean {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
        int n = Integer.parseInt(in.readLine().trim());
        StringTokenizer st = new StringTokenizer(in.readLine());
        double sum = 0;
        for (int i = 0; i < n; i++) sum += Double.parseDouble(st.nextToken());
        System.out.println(sum / n);
    }
}
