console.log('build-cli placeholder');
