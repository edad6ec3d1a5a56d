console.log('bg')
