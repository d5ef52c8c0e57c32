namespace Autograder.Grader;
