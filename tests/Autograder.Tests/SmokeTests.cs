namespace Autograder.Tests;
